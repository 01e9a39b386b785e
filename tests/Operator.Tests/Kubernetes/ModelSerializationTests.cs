using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Models;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class ModelSerializationTests
{
    [Fact]
    public void Times_are_written_as_rfc3339_utc_in_whole_seconds()
    {
        var meta = new ObjectMeta { Name = "a", CreationTimestamp = new DateTimeOffset(2025, 5, 6, 9, 8, 7, 654, TimeSpan.FromHours(2)) };

        var json = JsonSerializer.Serialize(meta, KubernetesJsonContext.Default.ObjectMeta);

        Assert.Equal("""{"name":"a","creationTimestamp":"2025-05-06T07:08:07Z"}""", json);
    }

    [Fact]
    public void Lease_times_are_micro_times_with_six_fractional_digits()
    {
        var lease = new Lease
        {
            Metadata = new ObjectMeta { Name = "l", Namespace = "n" },
            Spec = new LeaseSpec { HolderIdentity = "me", RenewTime = new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567) },
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(lease, KubernetesJsonContext.Default.Lease))!;

        Assert.Equal("2025-05-06T07:08:09.123456Z", (string?)json["spec"]!["renewTime"]);
        Assert.Null(json["spec"]!["acquireTime"]);
        var back = JsonSerializer.Deserialize(json.ToJsonString(), KubernetesJsonContext.Default.Lease)!;
        Assert.Equal(new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234560), back.Spec!.RenewTime);
    }

    [Fact]
    public void Fields_the_model_does_not_know_survive_a_round_trip()
    {
        const string deployment = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"a"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"spec":{"containers":[{"name":"c","image":"nginx"}]}},"futureField":{"x":1}},
             "status":{"readyReplicas":1,"conditions":[{"type":"Available","status":"True","lastUpdateTime":"2025-01-01T00:00:00Z","lastProbeTime":null}]}}
            """;

        var model = JsonSerializer.Deserialize(deployment, KubernetesJsonContext.Default.Deployment)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(model with { Spec = model.Spec! with { Replicas = 3 } }, KubernetesJsonContext.Default.Deployment))!;

        Assert.Equal(3, (int)written["spec"]!["replicas"]!);
        Assert.Equal(1, (int)written["spec"]!["futureField"]!["x"]!);
        Assert.Equal("nginx", (string?)written["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("Available", (string?)written["status"]!["conditions"]![0]!["type"]);
    }

    [Fact]
    public void Conditions_always_carry_reason_and_message_as_the_api_requires()
    {
        var condition = new Condition { Type = "Ready", Status = "True", LastTransitionTime = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        var json = JsonSerializer.Serialize(condition, KubernetesJsonContext.Default.Condition);

        Assert.Equal("""{"type":"Ready","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z","reason":"","message":""}""", json);
    }

    [Fact]
    public void Secrets_do_not_print_their_data()
    {
        var secret = new Secret { Metadata = new ObjectMeta { Name = "db", Namespace = "a" }, StringData = new Dictionary<string, string> { ["password"] = "hunter2" } };
        Assert.DoesNotContain("hunter2", secret.ToString());
    }

    [Fact]
    public void Service_cluster_ip_uses_the_api_spelling()
    {
        var service = new Service { Metadata = new ObjectMeta { Name = "s" }, Spec = new ServiceSpec { ClusterIp = "None", Ports = [new ServicePort { Port = 80, TargetPort = JsonValue.Create("http") }] } };

        var json = JsonNode.Parse(JsonSerializer.Serialize(service, KubernetesJsonContext.Default.Service))!;

        Assert.Equal("None", (string?)json["spec"]!["clusterIP"]);
        Assert.Equal("http", (string?)json["spec"]!["ports"]![0]!["targetPort"]);
    }
}
