using System.Text.Json;
using Skyforge.Crds.Schema;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Controllers;

/// <summary>ManagedCache for the generic reconciler. Caches have no deletion protection, so deletion is never blocked.</summary>
public sealed class ManagedCacheKind : ManagedKind<ManagedCache>
{
    public override ResourceType Type => SkyforgeResourceTypes.ManagedCaches;

    public override ManagedCache Read(JsonElement raw) =>
        raw.Deserialize<ManagedCache>(SkyforgeJson.Options) ?? throw new JsonException("a ManagedCache did not deserialize");

    public override ResourceIdentity Identity(ManagedCache resource) => DataServiceIdentities.Of(resource);

    public override IReadOnlyDictionary<string, string> ImmutableFields(ManagedCache resource, BuildContext build)
    {
        var spec = resource.Spec;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["spec.engine"] = EffectiveCache.EngineName(spec),
            ["spec.provider"] = WireName.Of(EffectiveCache.Provider(spec, build)),
            ["spec.mode"] = WireName.Of(EffectiveCache.Mode(spec)),
            ["spec.region"] = EffectiveCache.Region(spec, build),
        };
    }

    public override bool Retains(ManagedCache resource) => Policy(resource) == DeletionPolicy.Retain;

    public override IReadOnlyList<FieldError> OperatorChecks(ManagedCache resource, BuildContext build)
    {
        var spec = resource.Spec;
        var mode = EffectiveCache.Mode(spec);
        // The CRD's rule rejects these first; this covers objects stored before the rule existed.
        return EffectiveCache.Provider(spec, build) == Provider.InCluster && mode is CacheMode.Cluster or CacheMode.Serverless
            ? [new FieldError("spec.mode", $"Unsupported value: \"{WireName.Of(mode)}\": in-cluster caches run standalone or replicated; cluster and serverless modes need provider aws")]
            : [];
    }

    public static DeletionPolicy Policy(ManagedCache resource) => resource.Spec.DeletionPolicy ?? DeletionPolicy.Delete;
}
