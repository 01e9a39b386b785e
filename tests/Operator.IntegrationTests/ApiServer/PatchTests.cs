using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class PatchTests
{
    private const string DeploymentsPath = "/apis/apps/v1/namespaces/default/deployments";

    private static JsonNode Deployment() => JsonNode.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[
                   {"name":"app","image":"nginx:1","env":[{"name":"A","value":"1"}]},
                   {"name":"sidecar","image":"proxy:1"}]}}}}
        """)!;

    [Fact]
    public async Task Merge_patch_merges_maps_deletes_nulls_and_replaces_lists()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("m", new JsonObject { ["size"] = "small", ["replicas"] = 2, ["tags"] = new JsonArray("a", "b") }))).Expect(HttpStatusCode.Created);

        var patched = (await client.MergePatchAsync($"{TestResources.WidgetsPath}/m",
            JsonNode.Parse("""{"metadata":{"labels":{"x":"y"}},"spec":{"replicas":null,"tags":["c"]}}""")!)).Expect(HttpStatusCode.OK);

        Assert.Equal("y", patched["metadata"]!["labels"]!["x"]!.GetValue<string>());
        Assert.Equal(1, patched["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(["c"], patched["spec"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("small", patched["spec"]!["size"]!.GetValue<string>());
    }

    [Fact]
    public async Task Json_patch_applies_operations_and_a_failed_test_is_422()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("j"))).Expect(HttpStatusCode.Created);

        var patched = (await client.PatchAsync($"{TestResources.WidgetsPath}/j", "application/json-patch+json",
            """[{"op":"test","path":"/spec/size","value":"small"},{"op":"replace","path":"/spec/size","value":"large"},{"op":"add","path":"/spec/tags","value":["x"]},{"op":"add","path":"/spec/tags/-","value":"y"}]""")).Expect(HttpStatusCode.OK);
        var failed = await client.PatchAsync($"{TestResources.WidgetsPath}/j", "application/json-patch+json",
            """[{"op":"test","path":"/spec/size","value":"small"}]""");

        Assert.Equal("large", patched["spec"]!["size"]!.GetValue<string>());
        Assert.Equal(["x", "y"], patched["spec"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(422, failed.Code);
    }

    [Fact]
    public async Task Strategic_merge_patch_merges_containers_by_name_for_built_ins()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(DeploymentsPath, Deployment())).Expect(HttpStatusCode.Created);

        var patched = (await client.PatchAsync($"{DeploymentsPath}/web", "application/strategic-merge-patch+json",
            """{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:2","env":[{"name":"B","value":"2"}]},{"name":"sidecar","$patch":"delete"}]}}}}""")).Expect(HttpStatusCode.OK);

        var containers = patched["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Single(containers);
        Assert.Equal("nginx:2", containers[0]!["image"]!.GetValue<string>());
        Assert.Equal(["A", "B"], containers[0]!["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal("2", TestResources.Metadata(patched, "generation"));
    }

    [Fact]
    public async Task Strategic_merge_patch_on_a_custom_resource_is_415()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("s"))).Expect(HttpStatusCode.Created);

        var response = await client.PatchAsync($"{TestResources.WidgetsPath}/s", "application/strategic-merge-patch+json", """{"spec":{"size":"large"}}""");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UnsupportedMediaType", response.Reason);
        Assert.Equal(
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
            response.Message);
    }

    [Fact]
    public async Task A_resource_version_in_the_patch_is_a_precondition_and_missing_objects_are_404()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("p"))).Expect(HttpStatusCode.Created);
        (await client.MergePatchAsync($"{TestResources.WidgetsPath}/p", JsonNode.Parse("""{"spec":{"replicas":3}}""")!)).Expect(HttpStatusCode.OK);

        var stale = await client.MergePatchAsync($"{TestResources.WidgetsPath}/p",
            new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = TestResources.Metadata(created, "resourceVersion") }, ["spec"] = new JsonObject { ["replicas"] = 4 } });
        var missing = await client.MergePatchAsync($"{TestResources.WidgetsPath}/absent", JsonNode.Parse("""{"spec":{"replicas":3}}""")!);

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Patches_record_an_update_entry_for_their_field_manager()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath + "?fieldManager=creator", TestResources.Widget("owned"))).Expect(HttpStatusCode.Created);

        var patched = (await client.MergePatchAsync($"{TestResources.WidgetsPath}/owned?fieldManager=scaler", JsonNode.Parse("""{"spec":{"replicas":5}}""")!))
            .Expect(HttpStatusCode.OK);

        var entries = patched["metadata"]!["managedFields"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var scaler = entries.Single(e => e["manager"]!.GetValue<string>() == "scaler");
        var creator = entries.Single(e => e["manager"]!.GetValue<string>() == "creator");
        Assert.Equal("Update", scaler["operation"]!.GetValue<string>());
        Assert.Equal("FieldsV1", scaler["fieldsType"]!.GetValue<string>());
        Assert.NotNull(scaler["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.Null(creator["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.NotNull(creator["fieldsV1"]!["f:spec"]!["f:size"]);
    }
}
