using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Manifests;

namespace Skyforge.Bench;

/// <summary>
/// The resources a run applies: the smallest valid spec of each kind, as a user would write it. The first of each
/// kind goes through the same validator as <c>skyforge validate</c> before anything is applied.
/// </summary>
internal static class BenchManifests
{
    /// <summary>PostgreSQL on RDS with every default.</summary>
    public static JsonObject Database(int index, AwsNetwork network) => Resource("ManagedDatabase", Name("db", index), new JsonObject
    {
        ["engine"] = "postgres",
        ["version"] = "16.3",
        ["network"] = Network(network),
        ["deletionPolicy"] = "Delete",
    });

    /// <summary>A replicated Redis replication group on ElastiCache (AUTH and TLS by default).</summary>
    public static JsonObject Cache(int index, AwsNetwork network) => Resource("ManagedCache", Name("cache", index), new JsonObject
    {
        ["engine"] = "redis",
        ["mode"] = "replicated",
        ["network"] = Network(network),
    });

    /// <summary>Kafka on MSK: three brokers, one per subnet.</summary>
    public static JsonObject Bus(int index, AwsNetwork network) => Resource("MessageBus", Name("bus", index), new JsonObject
    {
        ["engine"] = "kafka",
        ["provider"] = "aws",
        ["brokers"] = network.SubnetIds.Count,
        ["network"] = Network(network),
    });

    /// <summary>
    /// A small application: one web service using one in-cluster PostgreSQL. Workloads and composed children are
    /// named as written, so each app's service and database get names of their own (all apps share one namespace).
    /// </summary>
    public static JsonObject App(int index) => Resource("AppPlatform", Name("app", index), new JsonObject
    {
        ["target"] = "k3s",
        ["environment"] = "dev",
        ["services"] = new JsonArray(new JsonObject
        {
            ["name"] = Name("web", index),
            ["image"] = "ghcr.io/skyforge/bench-web:1.0.0",
            ["kind"] = "web",
            ["port"] = 8080,
            ["replicas"] = 1,
            ["uses"] = new JsonArray(new JsonObject { ["database"] = Name("app-db", index), ["envPrefix"] = "DB" }),
        }),
        ["databases"] = new JsonArray(new JsonObject
        {
            ["name"] = Name("app-db", index),
            ["spec"] = new JsonObject { ["engine"] = "postgres", ["version"] = "16.3", ["provider"] = "inCluster" },
        }),
    });

    /// <exception cref="InvalidOperationException">The manifest fails the CRD schema or the operator's own checks.</exception>
    public static void Validate(JsonObject manifest)
    {
        var (_, problems) = ManifestValidator.Validate(new ManifestDocument("bench", 1, manifest.DeepClone()));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the bench's {manifest["kind"]} manifest is invalid: {string.Join("; ", problems)}");
        }
    }

    private static string Name(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index:D5}");

    private static JsonObject Network(AwsNetwork network) => new()
    {
        ["subnetIds"] = new JsonArray([.. network.SubnetIds.Select(id => (JsonNode)id)]),
        ["securityGroupIds"] = new JsonArray(network.SecurityGroupId),
    };

    private static JsonObject Resource(string kind, string name, JsonObject spec) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = BenchCluster.Namespace },
        ["spec"] = spec,
    };
}
