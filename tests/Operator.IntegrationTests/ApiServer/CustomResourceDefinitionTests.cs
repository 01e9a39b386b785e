using System.Net;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class CustomResourceDefinitionTests
{
    private const string CrdsPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    [Fact]
    public async Task A_created_crd_becomes_established_and_serves_its_resource()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = ApiClient.For(server);

        var created = (await client.PostAsync(CrdsPath, TestResources.WidgetDefinition())).Expect(HttpStatusCode.Created);
        var stored = (await client.GetAsync($"{CrdsPath}/widgets.test.skyforge.dev")).Expect(HttpStatusCode.OK);
        var list = await client.GetAsync(TestResources.WidgetsPath);

        Assert.Contains("customresourcecleanup.apiextensions.k8s.io", created["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        var conditions = stored["status"]!["conditions"]!.AsArray().ToDictionary(c => c!["type"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());
        Assert.Equal("True", conditions["Established"]);
        Assert.Equal("True", conditions["NamesAccepted"]);
        Assert.Equal("WidgetList", stored["status"]!["acceptedNames"]!["listKind"]!.GetValue<string>());
        Assert.Equal(["v1"], stored["status"]!["storedVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("WidgetList", list.Body!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_crd_whose_name_does_not_match_its_names_is_rejected()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = ApiClient.For(server);
        var definition = TestResources.WidgetDefinition();
        definition["metadata"]!["name"] = "gizmos.test.skyforge.dev";

        var response = await client.PostAsync(CrdsPath, definition);

        Assert.Equal(422, response.Code);
        Assert.Equal("Invalid", response.Reason);
        Assert.StartsWith("CustomResourceDefinition.apiextensions.k8s.io \"gizmos.test.skyforge.dev\" is invalid: metadata.name", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_violations_are_422_listing_every_field()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var single = await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("bad", new JsonObject { ["size"] = "huge" }));
        var several = await client.PostAsync(TestResources.WidgetsPath,
            TestResources.Widget("worse", new JsonObject { ["size"] = "huge", ["replicas"] = -1 }));

        Assert.Equal(422, single.Code);
        Assert.Equal("Invalid", single.Reason);
        Assert.StartsWith("Widget.test.skyforge.dev \"bad\" is invalid: ", single.Message, StringComparison.Ordinal);
        Assert.Contains("spec.size: Unsupported value: \"huge\": supported values: \"small\", \"large\"", single.Message, StringComparison.Ordinal);
        var cause = single.Body!["details"]!["causes"]![0]!;
        Assert.Equal("spec.size", cause["field"]!.GetValue<string>());
        Assert.Equal("FieldValueNotSupported", cause["reason"]!.GetValue<string>());
        Assert.Equal("Widget", single.Body["details"]!["kind"]!.GetValue<string>());
        Assert.Equal("test.skyforge.dev", single.Body["details"]!["group"]!.GetValue<string>());

        Assert.Equal(422, several.Code);
        Assert.StartsWith("Widget.test.skyforge.dev \"worse\" is invalid: [", several.Message, StringComparison.Ordinal);
        var fields = several.Body!["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.Contains("spec.size", fields);
        Assert.Contains("spec.replicas", fields);
    }

    [Fact]
    public async Task Cel_rules_of_the_schema_are_enforced()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var rejected = await client.PostAsync(TestResources.WidgetsPath,
            TestResources.Widget("crowded", new JsonObject { ["size"] = "small", ["replicas"] = 11 }));
        var accepted = await client.PostAsync(TestResources.WidgetsPath,
            TestResources.Widget("roomy", new JsonObject { ["size"] = "large", ["replicas"] = 11 }));

        Assert.Equal(422, rejected.Code);
        Assert.Contains("more than 10 replicas need size large", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
    }

    [Fact]
    public async Task Defaults_are_applied_on_create()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("plain", new JsonObject()))).Expect(HttpStatusCode.Created);

        Assert.Equal("small", created["spec"]!["size"]!.GetValue<string>());
        Assert.Equal(1, created["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_fields_fail_under_strict_warn_by_default_and_are_pruned()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        JsonObject WithColour(string name)
        {
            var widget = TestResources.Widget(name);
            widget["spec"]!["colour"] = "red";
            widget["metadata"]!["colour"] = "blue";
            return widget;
        }

        var strict = await client.PostAsync(TestResources.WidgetsPath + "?fieldValidation=Strict", WithColour("strict"));
        var warned = await client.PostAsync(TestResources.WidgetsPath, WithColour("warned"));
        var ignored = await client.PostAsync(TestResources.WidgetsPath + "?fieldValidation=Ignore", WithColour("ignored"));

        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Contains("strict decoding error", strict.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field \"spec.colour\"", strict.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field \"metadata.colour\"", strict.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, warned.Status);
        Assert.Contains(warned.Warnings, w => w.Contains("unknown field \\\"spec.colour\\\"", StringComparison.Ordinal));
        Assert.Null(warned.Body!["spec"]!["colour"]);
        Assert.Equal(HttpStatusCode.Created, ignored.Status);
        Assert.Empty(ignored.Warnings);
        Assert.Null(server.Store.Get(TestResources.Group, "widgets", "default", "ignored")!["spec"]!["colour"]);
    }

    [Fact]
    public async Task Dry_run_create_validates_and_answers_without_storing()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var before = server.Store.ResourceVersion;

        var response = await client.PostAsync(TestResources.WidgetsPath + "?dryRun=All", TestResources.Widget("ghost"));

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("ghost", response.Body!["metadata"]!["name"]!.GetValue<string>());
        Assert.Null(server.Store.Get(TestResources.Group, "widgets", "default", "ghost"));
        Assert.Equal(before, server.Store.ResourceVersion);
    }
}
