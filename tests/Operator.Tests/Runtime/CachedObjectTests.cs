using System.Text.Json;
using Skyforge.Runtime;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class CachedObjectTests
{
    [Fact]
    public void Managed_fields_are_not_cached_and_everything_else_is()
    {
        using var document = JsonDocument.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"settings","namespace":"shop","labels":{"tier":"web"},"resourceVersion":"7",
                         "managedFields":[{"manager":"skyforge-operator","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:mode":{}}}}],
                         "ownerReferences":[{"apiVersion":"platform.skyforge.dev/v1alpha1","kind":"AppPlatform","name":"shop","uid":"u-1","controller":true}]},
             "data":{"mode":"fast","note":"managedFields"}}
            """);

        var cached = CachedObject.From(document.RootElement);

        var metadata = cached.Raw.GetProperty("metadata");
        Assert.False(metadata.TryGetProperty("managedFields", out _));
        Assert.Equal("web", metadata.GetProperty("labels").GetProperty("tier").GetString());
        Assert.Equal("managedFields", cached.Raw.GetProperty("data").GetProperty("note").GetString());
        Assert.Equal("fast", cached.ToJsonObject()["data"]!["mode"]!.GetValue<string>());
        Assert.Equal(new ObjectKey("shop", "settings"), cached.Key);
        Assert.Equal("7", cached.ResourceVersion);
        Assert.Equal("u-1", cached.ControllerReference!.Uid);
    }
}
