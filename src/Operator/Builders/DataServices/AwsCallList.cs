using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>Collects one resource's AWS calls in the order the operator makes them.</summary>
internal sealed class AwsCallList(ResourceIdentity owner, string region)
{
    public const string Rds = "rds";
    public const string ElastiCache = "elasticache";
    public const string Kafka = "kafka";
    public const string SecretsManager = "secretsmanager";

    private readonly List<AwsCall> calls = [];

    public IReadOnlyList<AwsCall> Calls => calls;

    /// <summary>Adds a call; null-valued parameters are left out.</summary>
    public void Add(string service, string operation, JsonObject parameters) =>
        calls.Add(new AwsCall(owner.Key, service, operation, region, JsonParts.Compact(parameters)));
}
