using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders;

/// <summary>
/// One AWS API request the operator would send, in the order it sends them. Parameters use the AWS
/// API's own member names, so they deserialize straight into the Skyforge.Aws request records.
/// </summary>
/// <param name="Resource">The Skyforge resource the call belongs to (namespace/name).</param>
/// <param name="Service">rds, elasticache, kafka or secretsmanager.</param>
/// <param name="Operation">The AWS operation name, e.g. CreateDBCluster.</param>
public sealed record AwsCall(string Resource, string Service, string Operation, string Region, JsonObject Parameters);
