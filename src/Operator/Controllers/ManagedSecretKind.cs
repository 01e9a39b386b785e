using System.Text.Json;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Controllers;

/// <summary>ManagedSecret for the generic reconciler: a synced secret is never deleted, a generated one per deletionPolicy (default Retain).</summary>
public sealed class ManagedSecretKind : ManagedKind<ManagedSecret>
{
    public override ResourceType Type => SkyforgeResourceTypes.ManagedSecrets;

    public override ManagedSecret Read(JsonElement raw) =>
        raw.Deserialize<ManagedSecret>(SkyforgeJson.Options) ?? throw new JsonException("a ManagedSecret did not deserialize");

    public override ResourceIdentity Identity(ManagedSecret resource) => DataServiceIdentities.Of(resource);

    public override IReadOnlyDictionary<string, string> ImmutableFields(ManagedSecret resource, BuildContext build)
    {
        var spec = resource.Spec;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["spec.region"] = EffectiveSecret.Region(spec, build) };
        if (spec.Source.Generate is not null)
        {
            fields["spec.awsSecretName"] = EffectiveSecret.AwsSecretName(spec, build, Identity(resource));
        }
        return fields;
    }

    public override bool Retains(ManagedSecret resource) =>
        resource.Spec.Source.Generate is null || resource.Spec.DeletionPolicy != SecretDeletionPolicy.Delete;
}
