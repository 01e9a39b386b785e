using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class GenerationAndStatusTests
{
    [Fact]
    public async Task Generation_starts_at_one_and_moves_only_with_the_spec()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var path = $"{TestResources.WidgetsPath}/g";
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("g"))).Expect(HttpStatusCode.Created);

        var labelled = (await client.MergePatchAsync(path, JsonNode.Parse("""{"metadata":{"labels":{"team":"a"}}}""")!)).Expect(HttpStatusCode.OK);
        var resized = (await client.MergePatchAsync(path, JsonNode.Parse("""{"spec":{"replicas":4}}""")!)).Expect(HttpStatusCode.OK);

        Assert.Equal("1", TestResources.Metadata(created, "generation"));
        Assert.Equal("1", TestResources.Metadata(labelled, "generation"));
        Assert.Equal("2", TestResources.Metadata(resized, "generation"));
    }

    [Fact]
    public async Task Status_is_dropped_on_create_and_ignored_by_the_main_endpoint()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var widget = TestResources.Widget("s");
        widget["status"] = new JsonObject { ["observedGeneration"] = 7 };

        var created = (await client.PostAsync(TestResources.WidgetsPath, widget)).Expect(HttpStatusCode.Created);
        var update = (JsonObject)created.DeepClone();
        update["status"] = new JsonObject { ["observedGeneration"] = 9 };
        var updated = (await client.PutAsync($"{TestResources.WidgetsPath}/s", update)).Expect(HttpStatusCode.OK);

        Assert.Null(created["status"]);
        Assert.Null(updated["status"]);
        Assert.Equal("1", TestResources.Metadata(updated, "generation"));
    }

    [Fact]
    public async Task The_status_subresource_writes_only_status_and_keeps_generation()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("st"))).Expect(HttpStatusCode.Created);
        var request = (JsonObject)created.DeepClone();
        request["spec"]!["replicas"] = 5;
        request["metadata"]!["labels"] = new JsonObject { ["sneaky"] = "yes" };
        request["status"] = new JsonObject
        {
            ["observedGeneration"] = 1,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        };

        var updated = (await client.PutAsync($"{TestResources.WidgetsPath}/st/status", request)).Expect(HttpStatusCode.OK);
        var stale = await client.PutAsync($"{TestResources.WidgetsPath}/st/status", request);

        Assert.Equal(1, updated["spec"]!["replicas"]!.GetValue<int>());
        Assert.Null(updated["metadata"]!["labels"]);
        Assert.Equal("True", updated["status"]!["conditions"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("1", TestResources.Metadata(updated, "generation"));
        Assert.NotEqual(TestResources.Metadata(created, "resourceVersion"), TestResources.Metadata(updated, "resourceVersion"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
    }

    [Fact]
    public async Task Built_in_kinds_with_status_follow_the_same_rules()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var deployment = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx:1"}]}}},
             "status":{"readyReplicas":5}}
            """)!;

        var created = (await client.PostAsync("/apis/apps/v1/namespaces/default/deployments", deployment)).Expect(HttpStatusCode.Created);
        var status = (await client.MergePatchAsync("/apis/apps/v1/namespaces/default/deployments/web/status",
            JsonNode.Parse("""{"status":{"readyReplicas":1}}""")!)).Expect(HttpStatusCode.OK);
        var scaled = (await client.MergePatchAsync("/apis/apps/v1/namespaces/default/deployments/web",
            JsonNode.Parse("""{"spec":{"replicas":3},"status":{"readyReplicas":9}}""")!)).Expect(HttpStatusCode.OK);

        Assert.Null(created["status"]);
        Assert.Equal("1", TestResources.Metadata(status, "generation"));
        Assert.Equal("2", TestResources.Metadata(scaled, "generation"));
        Assert.Equal(1, scaled["status"]!["readyReplicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Secrets_fold_string_data_into_base64_data()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var secret = JsonNode.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"creds"},"stringData":{"password":"hunter2"}}""")!;

        var created = (await client.PostAsync("/api/v1/namespaces/default/secrets", secret)).Expect(HttpStatusCode.Created);

        Assert.Null(created["stringData"]);
        Assert.Equal(Convert.ToBase64String("hunter2"u8.ToArray()), created["data"]!["password"]!.GetValue<string>());
        Assert.Equal("Opaque", created["type"]!.GetValue<string>());
    }
}
