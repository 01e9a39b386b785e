using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class ResourceVersionTests
{
    private const string ConfigMapsPath = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Every_write_of_any_kind_takes_the_next_global_resource_version()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var widget = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("a"))).Expect(HttpStatusCode.Created);
        var map = (await client.PostAsync(ConfigMapsPath, TestResources.ConfigMap("b"))).Expect(HttpStatusCode.Created);

        var first = long.Parse(TestResources.Metadata(widget, "resourceVersion"));
        var second = long.Parse(TestResources.Metadata(map, "resourceVersion"));
        Assert.Equal(first + 1, second);
        Assert.Equal(second, server.Store.ResourceVersion);
        Assert.Matches("^[0-9a-f-]{36}$", TestResources.Metadata(widget, "uid"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", TestResources.Metadata(widget, "creationTimestamp"));
    }

    [Fact]
    public async Task An_update_with_a_stale_resource_version_is_a_409_conflict()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("w"))).Expect(HttpStatusCode.Created);
        var first = (JsonObject)created.DeepClone();
        first["spec"]!["replicas"] = 2;
        (await client.PutAsync($"{TestResources.WidgetsPath}/w", first)).Expect(HttpStatusCode.OK);

        var stale = (JsonObject)created.DeepClone();
        stale["spec"]!["replicas"] = 3;
        var response = await client.PutAsync($"{TestResources.WidgetsPath}/w", stale);

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("Conflict", response.Reason);
        Assert.Equal(
            "Operation cannot be fulfilled on widgets.test.skyforge.dev \"w\": the object has been modified; please apply your changes to the latest version and try again",
            response.Message);
        Assert.Equal("widgets", response.Body!["details"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custom_resources_need_a_resource_version_on_put_while_built_ins_do_not()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("w"))).Expect(HttpStatusCode.Created);
        (await client.PostAsync(ConfigMapsPath, TestResources.ConfigMap("c"))).Expect(HttpStatusCode.Created);

        var widget = await client.PutAsync($"{TestResources.WidgetsPath}/w", TestResources.Widget("w"));
        var map = await client.PutAsync($"{ConfigMapsPath}/c", TestResources.ConfigMap("c", new JsonObject { ["key"] = "other" }));
        var missing = await client.PutAsync($"{TestResources.WidgetsPath}/nope", TestResources.Widget("nope"));

        Assert.Equal(422, widget.Code);
        Assert.Equal(
            "Widget.test.skyforge.dev \"w\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update",
            widget.Message);
        Assert.Equal(HttpStatusCode.OK, map.Status);
        Assert.Equal("other", map.Body!["data"]!["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("widgets.test.skyforge.dev \"nope\" not found", missing.Message);
    }

    [Fact]
    public async Task Creating_an_existing_name_is_409_already_exists_and_generate_name_picks_a_fresh_one()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(ConfigMapsPath, TestResources.ConfigMap("dup"))).Expect(HttpStatusCode.Created);
        var generated = TestResources.ConfigMap("");
        generated["metadata"] = new JsonObject { ["generateName"] = "gen-" };

        var duplicate = await client.PostAsync(ConfigMapsPath, TestResources.ConfigMap("dup"));
        var fresh = (await client.PostAsync(ConfigMapsPath, generated)).Expect(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal("AlreadyExists", duplicate.Reason);
        Assert.Equal("configmaps \"dup\" already exists", duplicate.Message);
        Assert.Matches("^gen-[a-z0-9]{5}$", TestResources.Metadata(fresh, "name"));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_is_not_a_write()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("still"))).Expect(HttpStatusCode.Created);

        var same = (await client.PutAsync($"{TestResources.WidgetsPath}/still", created)).Expect(HttpStatusCode.OK);
        var patched = (await client.MergePatchAsync($"{TestResources.WidgetsPath}/still", new JsonObject { ["spec"] = new JsonObject { ["size"] = "small" } }))
            .Expect(HttpStatusCode.OK);

        Assert.Equal(TestResources.Metadata(created, "resourceVersion"), TestResources.Metadata(same, "resourceVersion"));
        Assert.Equal(TestResources.Metadata(created, "resourceVersion"), TestResources.Metadata(patched, "resourceVersion"));
    }

    [Fact]
    public async Task Namespaced_objects_need_an_existing_active_namespace()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var response = await client.PostAsync("/api/v1/namespaces/missing/configmaps", TestResources.ConfigMap("c"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("namespaces \"missing\" not found", response.Message);
    }
}
