using System.Reflection;
using System.Text.Json.Nodes;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;
using Skyforge.Aws.Sts;
using Skyforge.Operator.Tests.Foundation;

namespace Skyforge.Operator.Tests.Packaging;

/// <summary>
/// docs/iam-policy.json against the AWS clients: every operation a client can call is allowed, and every allowed
/// action is such an operation or one AWS checks on the caller's behalf (listed below with the reason).
/// </summary>
public sealed class IamPolicyTests
{
    /// <summary>Each client interface and the IAM service prefix of its operations (the action is the operation's name).</summary>
    private static readonly Dictionary<Type, string> ServicePrefixes = new()
    {
        [typeof(IRdsClient)] = "rds",
        [typeof(IElastiCacheClient)] = "elasticache",
        [typeof(IKafkaClient)] = "kafka",
        [typeof(ISecretsManagerClient)] = "secretsmanager",
        [typeof(IStsClient)] = "sts",
    };

    /// <summary>GetCallerIdentity works for every caller; IAM cannot deny it, so the policy does not list it.</summary>
    private static readonly HashSet<string> NeedNoPermission = ["sts:GetCallerIdentity"];

    /// <summary>Actions AWS authorizes against the caller while serving a client operation.</summary>
    private static readonly Dictionary<string, string> CheckedOnTheCallersBehalf = new()
    {
        ["ec2:DescribeSubnets"] = "kafka:CreateClusterV2 validates the broker subnets with the caller's permissions",
        ["ec2:DescribeVpcs"] = "kafka:CreateClusterV2 validates the subnets' VPC with the caller's permissions",
        ["ec2:DescribeSecurityGroups"] = "kafka:CreateClusterV2 validates the security groups with the caller's permissions",
        ["elasticache:CreateSnapshot"] = "elasticache:DeleteReplicationGroup with FinalSnapshotIdentifier (deletionPolicy Snapshot) takes the final snapshot with the caller's permissions",
        ["elasticache:CreateServerlessCacheSnapshot"] = "elasticache:DeleteServerlessCache with FinalSnapshotName (deletionPolicy Snapshot) takes the final snapshot with the caller's permissions",
        ["iam:PassRole"] = "MonitoringRoleArn on rds:CreateDBInstance/ModifyDBInstance/CreateDBCluster passes the Enhanced Monitoring role",
        ["iam:CreateServiceLinkedRole"] = "the first RDS, ElastiCache or MSK resource in an account creates that service's service-linked role",
    };

    private static readonly JsonObject Policy = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "iam-policy.json")))!.AsObject();

    [Fact]
    public void Every_aws_client_interface_has_a_service_prefix()
    {
        var clients = typeof(IRdsClient).Assembly.GetExportedTypes()
            .Where(type => type.IsInterface && type.Name.EndsWith("Client", StringComparison.Ordinal));
        Assert.Equal(clients.OrderBy(type => type.Name), ServicePrefixes.Keys.OrderBy(type => type.Name));
    }

    [Fact]
    public void The_policy_allows_every_operation_the_clients_can_call()
    {
        var allowed = AllowedActions();
        var missing = ClientActions().Where(action => !allowed.Contains(action)).Order().ToList();
        Assert.True(missing.Count == 0, $"docs/iam-policy.json lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_policy_allows_nothing_the_clients_do_not_need()
    {
        var needed = ClientActions().Concat(CheckedOnTheCallersBehalf.Keys).ToHashSet();
        var extra = AllowedActions().Where(action => !needed.Contains(action)).Order().ToList();
        Assert.True(extra.Count == 0, $"docs/iam-policy.json allows actions no client operation needs: {string.Join(", ", extra)}");
        Assert.All(AllowedActions(), action => Assert.DoesNotContain("*", action));
        Assert.DoesNotContain(Statements(), statement => statement["Effect"]!.GetValue<string>() != "Allow");
    }

    [Fact]
    public void Iam_actions_are_limited_by_conditions()
    {
        var passRole = Assert.Single(Statements(), statement => Actions(statement).Contains("iam:PassRole"));
        Assert.Equal("rds.amazonaws.com", passRole["Condition"]!["StringEquals"]!["iam:PassedToService"]!.GetValue<string>());
        Assert.NotEqual("*", passRole["Resource"]!.GetValue<string>());
        var serviceLinked = Assert.Single(Statements(), statement => Actions(statement).Contains("iam:CreateServiceLinkedRole"));
        Assert.Equal(
            ["elasticache.amazonaws.com", "kafka.amazonaws.com", "rds.amazonaws.com"],
            serviceLinked["Condition"]!["StringEquals"]!["iam:AWSServiceName"]!.AsArray().Select(name => name!.GetValue<string>()).Order());
        Assert.All(Statements().Where(statement => Actions(statement).Any(action => action.StartsWith("iam:", StringComparison.Ordinal))),
            statement => Assert.Single(Actions(statement)));
    }

    private static HashSet<string> ClientActions() =>
        ServicePrefixes
            .SelectMany(client => client.Key.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Select(method => $"{client.Value}:{method.Name.Replace("Async", "", StringComparison.Ordinal)}"))
            .Where(action => !NeedNoPermission.Contains(action))
            .ToHashSet();

    private static IEnumerable<JsonObject> Statements() => Policy["Statement"]!.AsArray().Select(statement => statement!.AsObject());

    private static HashSet<string> AllowedActions() => Statements().SelectMany(Actions).ToHashSet();

    private static IEnumerable<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray actions => actions.Select(action => action!.GetValue<string>()),
        JsonValue action => [action.GetValue<string>()],
        _ => [],
    };
}
