using System.Globalization;
using System.Text.Json;
using Skyforge.Crds.Schema;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Controllers;

/// <summary>ManagedDatabase for the generic reconciler.</summary>
public sealed class ManagedDatabaseKind(DataServicesOptions options) : ManagedKind<ManagedDatabase>
{
    public override ResourceType Type => SkyforgeResourceTypes.ManagedDatabases;

    public override ManagedDatabase Read(JsonElement raw) =>
        raw.Deserialize<ManagedDatabase>(SkyforgeJson.Options) ?? throw new JsonException("a ManagedDatabase did not deserialize");

    public override ResourceIdentity Identity(ManagedDatabase resource) => DataServiceIdentities.Of(resource);

    public override IReadOnlyDictionary<string, string> ImmutableFields(ManagedDatabase resource, BuildContext build)
    {
        var spec = resource.Spec;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["spec.engine"] = EffectiveDatabase.EngineName(spec),
            ["spec.provider"] = WireName.Of(EffectiveDatabase.Provider(spec, build)),
            ["spec.masterUsername"] = EffectiveDatabase.MasterUsername(spec),
            ["spec.region"] = EffectiveDatabase.Region(spec, build),
        };
    }

    public override bool Retains(ManagedDatabase resource) => Policy(resource) == DeletionPolicy.Retain;

    public override string? DeletionBlocked(ManagedDatabase resource) =>
        resource.Spec.DeletionProtection == true && Policy(resource) != DeletionPolicy.Retain
            ? $"deletionProtection is true, so deletionPolicy {Policy(resource)} cannot delete the database; set deletionProtection to false (or deletionPolicy to Retain) to let the deletion finish"
            : null;

    public override IReadOnlyList<FieldError> OperatorChecks(ManagedDatabase resource, BuildContext build)
    {
        var spec = resource.Spec;
        var errors = new List<FieldError>();
        if (EffectiveDatabase.Provider(spec, build) == Provider.Aws && !EffectiveDatabase.IsAurora(spec) && EffectiveDatabase.Replicas(spec) > 0)
        {
            errors.Add(new FieldError("spec.replicas", string.Create(CultureInfo.InvariantCulture, $"Unsupported value: {EffectiveDatabase.Replicas(spec)}: RDS read replicas are not provisioned by this operator build")));
        }
        if (EffectiveDatabase.Provider(spec, build) == Provider.Aws && EffectiveDatabase.MonitoringIntervalSeconds(spec) > 0 && options.MonitoringRoleArn is null)
        {
            errors.Add(new FieldError("spec.monitoring.intervalSeconds", "Enhanced Monitoring needs the operator's monitoring role ARN, which is not configured"));
        }
        return errors;
    }

    private static DeletionPolicy Policy(ManagedDatabase resource) => resource.Spec.DeletionPolicy ?? DeletionPolicy.Snapshot;
}
