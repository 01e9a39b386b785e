using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Skyforge.Aws;

/// <summary>
/// JSON settings for the typed request and response records. Property names are the AWS API member names
/// as declared, so a <see cref="System.Text.Json.Nodes.JsonObject"/> of request parameters deserializes straight
/// into a request record and serializes back to the same JSON. Null members are omitted; an unknown member is an
/// error so that a misspelt parameter never disappears silently.
/// </summary>
public static class AwsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Lenient twin of <see cref="Options"/> for service replies: unknown members are skipped (APIs grow) and
    /// members required in requests may be missing (emulators and older APIs omit them).
    /// </summary>
    internal static JsonSerializerOptions WireOptions { get; } = Create(lenient: true);

    private static JsonSerializerOptions Create(bool lenient = false)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (lenient)
        {
            resolver.Modifiers.Add(static typeInfo =>
            {
                foreach (var property in typeInfo.Properties)
                {
                    property.IsRequired = false;
                }
            });
        }
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = lenient ? JsonUnmappedMemberHandling.Skip : JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = resolver,
        };
        options.MakeReadOnly();
        return options;
    }
}
