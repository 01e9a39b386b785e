using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Bench.Stub;

/// <summary>MSK (REST-JSON) as far as MessageBus on MSK needs it: provisioned clusters that are ACTIVE at once, listing, tags, bootstrap brokers.</summary>
internal sealed class KafkaStub(string region) : IStubService
{
    private const int DefaultMaxResults = 100;

    private readonly ConcurrentDictionary<string, JsonObject> _clusters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _arnsByName = new(StringComparer.Ordinal);

    public string Service => "kafka";

    public StubResponse? Handle(StubRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return (request.Method, segments) switch
        {
            ("POST", ["api", "v2", "clusters"]) => Create(request.Body),
            ("GET", ["api", "v2", "clusters"]) => List(request.Query),
            ("GET", ["api", "v2", "clusters", var arn]) => WithCluster(arn, cluster => new JsonObject { ["clusterInfo"] = cluster.DeepClone() }),
            ("GET", ["v1", "clusters", var arn, "bootstrap-brokers"]) => WithCluster(arn, BootstrapBrokers),
            ("GET", ["v1", "tags", var arn]) => WithCluster(arn, cluster => new JsonObject { ["tags"] = cluster["tags"]?.DeepClone() ?? new JsonObject() }),
            ("POST", ["v1", "tags", var arn]) => WithCluster(arn, cluster => Tag(cluster, request.Body)),
            _ => null,
        };
    }

    private StubResponse Create(JsonObject body)
    {
        var name = body["clusterName"]?.GetValue<string>() ?? "";
        var arn = $"arn:aws:kafka:{region}:{AwsStubServer.AccountId}:cluster/{name}/{Guid.NewGuid()}-1";
        if (!_arnsByName.TryAdd(name, arn))
        {
            return Error(HttpStatusCode.Conflict, "ConflictException", $"A cluster named {name} already exists.");
        }
        var provisioned = body["provisioned"]?.DeepClone() as JsonObject ?? [];
        provisioned["currentBrokerSoftwareInfo"] = new JsonObject { ["kafkaVersion"] = provisioned["kafkaVersion"]?.DeepClone() };
        _clusters[arn] = new JsonObject
        {
            ["clusterArn"] = arn,
            ["clusterName"] = name,
            ["clusterType"] = "PROVISIONED",
            ["state"] = "ACTIVE",
            ["currentVersion"] = "K3STUBVERSION1",
            ["tags"] = body["tags"]?.DeepClone() ?? new JsonObject(),
            ["provisioned"] = provisioned,
        };
        return StubResponse.Json(new JsonObject { ["clusterArn"] = arn, ["clusterName"] = name, ["state"] = "CREATING", ["clusterType"] = "PROVISIONED" });
    }

    private StubResponse List(IReadOnlyDictionary<string, string> query)
    {
        var prefix = query.GetValueOrDefault("clusterNameFilter") ?? "";
        var size = int.TryParse(query.GetValueOrDefault("maxResults"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : DefaultMaxResults;
        var start = int.TryParse(query.GetValueOrDefault("nextToken"), NumberStyles.None, CultureInfo.InvariantCulture, out var token) ? token : 0;
        var matching = _arnsByName.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => _clusters.GetValueOrDefault(pair.Value)).OfType<JsonObject>().ToList();
        var response = new JsonObject { ["clusterInfoList"] = new JsonArray([.. matching.Skip(start).Take(size).Select(cluster => cluster.DeepClone())]) };
        if (start + size < matching.Count)
        {
            response["nextToken"] = (start + size).ToString(CultureInfo.InvariantCulture);
        }
        return StubResponse.Json(response);
    }

    private StubResponse WithCluster(string arn, Func<JsonObject, JsonNode> answer) =>
        _clusters.TryGetValue(arn, out var cluster)
            ? StubResponse.Json(answer(cluster))
            : Error(HttpStatusCode.NotFound, "NotFoundException", $"Cluster {arn} not found.");

    private static JsonObject Tag(JsonObject cluster, JsonObject body)
    {
        lock (cluster)
        {
            var tags = cluster["tags"] as JsonObject ?? [];
            foreach (var (key, value) in body["tags"] as JsonObject ?? [])
            {
                tags[key] = value?.DeepClone();
            }
            cluster["tags"] = tags;
        }
        return [];
    }

    /// <summary>The broker strings of the client authentication the cluster was created with, one broker per subnet.</summary>
    private static JsonObject BootstrapBrokers(JsonObject cluster)
    {
        var name = cluster["clusterName"]!.GetValue<string>();
        var brokers = cluster["provisioned"]?["numberOfBrokerNodes"]?.GetValue<int>() ?? 3;
        string Brokers(int port) => string.Join(',', Enumerable.Range(1, brokers).Select(index => $"b-{index}.{name}.stub.kafka.local:{port}"));
        var authentication = cluster["provisioned"]?["clientAuthentication"];
        var clientBroker = cluster["provisioned"]?["encryptionInfo"]?["encryptionInTransit"]?["clientBroker"]?.GetValue<string>() ?? "TLS";
        var answer = new JsonObject();
        if (authentication?["sasl"]?["iam"]?["enabled"]?.GetValue<bool>() == true)
        {
            answer["bootstrapBrokerStringSaslIam"] = Brokers(9098);
        }
        if (authentication?["sasl"]?["scram"]?["enabled"]?.GetValue<bool>() == true)
        {
            answer["bootstrapBrokerStringSaslScram"] = Brokers(9096);
        }
        if (clientBroker != "PLAINTEXT")
        {
            answer["bootstrapBrokerStringTls"] = Brokers(9094);
        }
        if (clientBroker != "TLS")
        {
            answer["bootstrapBrokerString"] = Brokers(9092);
        }
        return answer;
    }

    private static StubResponse Error(HttpStatusCode status, string code, string message) => StubResponse.JsonError(status, code, message);
}
