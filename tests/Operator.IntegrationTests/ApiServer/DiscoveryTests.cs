using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Group_and_resource_lists_describe_built_ins_and_established_crds()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var core = (await client.GetAsync("/api")).Expect(HttpStatusCode.OK);
        var groups = (await client.GetAsync("/apis")).Expect(HttpStatusCode.OK);
        var widgets = (await client.GetAsync("/apis/test.skyforge.dev/v1")).Expect(HttpStatusCode.OK);
        var apps = (await client.GetAsync("/apis/apps/v1")).Expect(HttpStatusCode.OK);

        Assert.Equal("APIVersions", core["kind"]!.GetValue<string>());
        Assert.Equal("v1", core["versions"]![0]!.GetValue<string>());
        var groupNames = groups["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("apps", groupNames);
        Assert.Contains("coordination.k8s.io", groupNames);
        Assert.Contains("test.skyforge.dev", groupNames);
        var widgetGroup = groups["groups"]!.AsArray().First(g => g!["name"]!.GetValue<string>() == "test.skyforge.dev")!;
        Assert.Equal("test.skyforge.dev/v1", widgetGroup["preferredVersion"]!["groupVersion"]!.GetValue<string>());

        Assert.Equal("APIResourceList", widgets["kind"]!.GetValue<string>());
        var resources = widgets["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var widget = resources.Single(r => r["name"]!.GetValue<string>() == "widgets");
        Assert.Equal("Widget", widget["kind"]!.GetValue<string>());
        Assert.True(widget["namespaced"]!.GetValue<bool>());
        Assert.Equal(["wdg"], widget["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["skyforgetest"], widget["categories"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("watch", widget["verbs"]!.AsArray().Select(v => v!.GetValue<string>()));
        var status = resources.Single(r => r["name"]!.GetValue<string>() == "widgets/status");
        Assert.Equal(["get", "patch", "update"], status["verbs"]!.AsArray().Select(v => v!.GetValue<string>()));

        var deployments = apps["resources"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "deployments")!;
        Assert.Equal(["deploy"], deployments["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["all"], deployments["categories"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Aggregated_discovery_requests_get_legacy_json_so_clients_fall_back()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        const string aggregated = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

        var response = await client.GetAsync("/apis", aggregated);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("APIGroupList", response.Body!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Version_health_and_openapi_v3_are_served_and_unknown_groups_are_404()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var version = (await client.GetAsync("/version")).Expect(HttpStatusCode.OK);
        var health = await client.GetAsync("/readyz");
        var index = (await client.GetAsync("/openapi/v3")).Expect(HttpStatusCode.OK);
        var documentPath = index["paths"]!["apis/test.skyforge.dev/v1"]!["serverRelativeURL"]!.GetValue<string>();
        var document = (await client.GetAsync(documentPath)).Expect(HttpStatusCode.OK);
        var unknown = await client.GetAsync("/apis/nothing.example.com/v1/things");

        Assert.Equal("1", version["major"]!.GetValue<string>());
        Assert.Equal("ok", health.Text);
        var patch = document["paths"]!["/apis/test.skyforge.dev/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.Equal("Widget", patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Contains("fieldValidation", patch["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("NotFound", unknown.Reason);
    }

    [Fact]
    public async Task Deleting_a_crd_removes_its_objects_and_stops_serving_it()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("doomed"))).Expect(HttpStatusCode.Created);

        var deleted = await client.DeleteAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.test.skyforge.dev");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        await Eventually.TrueAsync(
            async () => (await client.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.test.skyforge.dev")).Status == HttpStatusCode.NotFound,
            "the CRD is gone after its instances were cleaned up");
        Assert.Empty(server.Store.List("test.skyforge.dev", "widgets"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(TestResources.WidgetsPath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/apis/test.skyforge.dev/v1")).Status);
        Assert.DoesNotContain(
            (await client.GetAsync("/apis")).Body!["groups"]!.AsArray(), g => g!["name"]!.GetValue<string>() == "test.skyforge.dev");
    }
}
