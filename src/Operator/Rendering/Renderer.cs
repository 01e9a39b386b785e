using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.Apps;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Manifests;

namespace Skyforge.Operator.Rendering;

/// <summary>
/// Everything the operator would do for a set of valid manifests: the Kubernetes objects it applies
/// (composites expanded recursively) followed by one AwsCall document per AWS request.
/// </summary>
public static class Renderer
{
    public const string AwsCallApiVersion = "render.skyforge.dev/v1alpha1";

    public static IReadOnlyList<JsonObject> Render(IEnumerable<ValidManifest> manifests, BuildContext context, ISecretSource secrets)
    {
        var objects = new List<JsonObject>();
        var calls = new List<AwsCall>();
        foreach (var manifest in manifests)
        {
            Expand(manifest.Object, context, secrets, objects, calls);
        }
        var documents = new List<JsonObject>(objects.Count + calls.Count);
        documents.AddRange(objects);
        documents.AddRange(calls.Select(ToDocument));
        return documents;
    }

    private static void Expand(object resource, BuildContext context, ISecretSource secrets, List<JsonObject> objects, List<AwsCall> calls)
    {
        var desired = resource switch
        {
            AppPlatform app => AppPlatformBuilder.Build(app),
            ManagedDatabase database => ManagedDatabaseBuilder.Build(database, context, secrets),
            ManagedCache cache => ManagedCacheBuilder.Build(cache, context, secrets),
            MessageBus bus => MessageBusBuilder.Build(bus, context, secrets),
            ManagedSecret secret => ManagedSecretBuilder.Build(secret, context, secrets),
            _ => throw new ArgumentException($"no builder for {resource.GetType().Name}", nameof(resource)),
        };
        calls.AddRange(desired.AwsCalls);
        foreach (var obj in desired.Objects)
        {
            objects.Add(obj);
        }
        foreach (var obj in desired.Objects)
        {
            if (SkyforgeSchemas.IsSkyforgeApiVersion(obj["apiVersion"]?.GetValue<string>()))
            {
                Expand(ComposedChild(obj), context, secrets, objects, calls);
            }
        }
    }

    /// <summary>A child resource goes through the same validation (and CRD defaulting) the API server would apply.</summary>
    private static object ComposedChild(JsonObject child)
    {
        var copy = child.DeepClone().AsObject();
        var name = $"{copy["kind"]}/{copy["metadata"]?["name"]}";
        var (manifest, problems) = ManifestValidator.Validate(new ManifestDocument(name, 1, copy));
        return manifest?.Object
            ?? throw new InvalidOperationException($"composed child {name} is invalid: {string.Join("; ", problems)}");
    }

    private static JsonObject ToDocument(AwsCall call)
    {
        var separator = call.Resource.IndexOf('/', StringComparison.Ordinal);
        var metadata = separator < 0
            ? new JsonObject { ["name"] = call.Resource }
            : new JsonObject { ["name"] = call.Resource[(separator + 1)..], ["namespace"] = call.Resource[..separator] };
        return new JsonObject
        {
            ["apiVersion"] = AwsCallApiVersion,
            ["kind"] = "AwsCall",
            ["metadata"] = metadata,
            ["service"] = call.Service,
            ["operation"] = call.Operation,
            ["region"] = call.Region,
            ["parameters"] = call.Parameters.DeepClone(),
        };
    }
}
