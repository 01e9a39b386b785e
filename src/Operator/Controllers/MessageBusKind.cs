using System.Text.Json;
using Skyforge.Crds.Schema;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Controllers;

/// <summary>
/// MessageBus for the generic reconciler. deletionPolicy Snapshot keeps the data: MSK has no snapshots, so the
/// cluster is retained (deleting it would lose the data the user asked to keep), and in-cluster the volumes stay.
/// </summary>
public sealed class MessageBusKind(BuildContext build) : ManagedKind<MessageBus>
{

    public override ResourceType Type => SkyforgeResourceTypes.MessageBuses;

    public override MessageBus Read(JsonElement raw) =>
        raw.Deserialize<MessageBus>(SkyforgeJson.Options) ?? throw new JsonException("a MessageBus did not deserialize");

    public override ResourceIdentity Identity(MessageBus resource) => DataServiceIdentities.Of(resource);

    public override IReadOnlyDictionary<string, string> ImmutableFields(MessageBus resource, BuildContext context)
    {
        var spec = resource.Spec;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["spec.engine"] = EffectiveBus.EngineName(spec),
            ["spec.provider"] = WireName.Of(EffectiveBus.Provider(spec, context)),
            ["spec.region"] = EffectiveBus.Region(spec, context),
        };
        if (EffectiveBus.Provider(spec, context) == Provider.Aws)
        {
            // MSK cannot turn a provisioned cluster serverless, and this operator does not switch authentication or upgrade Kafka in place.
            fields["spec.serverless"] = EffectiveBus.Serverless(spec) ? "true" : "false";
            fields["spec.authentication"] = WireName.Of(EffectiveBus.Authentication(spec, context));
            fields["spec.version"] = EffectiveBus.Version(spec);
        }
        return fields;
    }

    public override bool Retains(MessageBus resource) => Policy(resource) switch
    {
        DeletionPolicy.Retain => true,
        DeletionPolicy.Snapshot => EffectiveBus.Provider(resource.Spec, build) == Provider.Aws,
        _ => false,
    };

    /// <summary>What the builder refuses (rabbitmq on AWS, MSK without subnets, ...) is reported as InvalidSpec, not as a failing create.</summary>
    public override IReadOnlyList<FieldError> OperatorChecks(MessageBus resource, BuildContext context)
    {
        var errors = new List<FieldError>();
        try
        {
            MessageBusBuilder.Build(resource, context, new RandomSecretSource());
        }
        catch (ArgumentException refused)
        {
            var detail = refused.ParamName is { } parameter ? refused.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal) : refused.Message;
            errors.Add(new FieldError("spec", detail));
        }
        return errors;
    }

    private static DeletionPolicy Policy(MessageBus resource) => resource.Spec.DeletionPolicy ?? DeletionPolicy.Delete;
}
