using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>The child ManagedDatabase/ManagedCache/MessageBus/ManagedSecret resources an AppPlatform composes.</summary>
public static class ComposedChildren
{
    public static IEnumerable<JsonObject> Build(AppPlatform app)
    {
        var spec = app.Spec;
        foreach (var database in spec.Databases ?? [])
        {
            yield return Child(app, "ManagedDatabase", database.Name, EnvironmentDefaults.Apply(spec, database.Spec));
        }
        foreach (var cache in spec.Caches ?? [])
        {
            yield return Child(app, "ManagedCache", cache.Name, cache.Spec);
        }
        foreach (var bus in spec.MessageBuses ?? [])
        {
            yield return Child(app, "MessageBus", bus.Name, bus.Spec);
        }
        foreach (var secret in spec.Secrets ?? [])
        {
            yield return Child(app, "ManagedSecret", secret.Name, secret.Spec);
        }
    }

    private static JsonObject Child<TSpec>(AppPlatform app, string kind, string name, TSpec spec)
    {
        var labels = Manifest.Labels(name, name, kind.ToLowerInvariant(), app.Metadata.Name!);
        var child = Manifest.New(Group.ApiVersion, kind, AppNames.Identity(app), name, labels);
        child["spec"] = JsonSerializer.SerializeToNode(spec, SkyforgeJson.Options);
        return child;
    }
}
