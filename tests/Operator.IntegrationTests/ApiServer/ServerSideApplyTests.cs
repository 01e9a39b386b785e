using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class ServerSideApplyTests
{
    private const string WidgetPath = TestResources.WidgetsPath + "/applied";

    private static string Config(string spec, string labels = "") => $$"""
        apiVersion: test.skyforge.dev/v1
        kind: Widget
        metadata:
          name: applied
        {{labels}}
        spec:
        {{spec}}
        """;

    [Fact]
    public async Task Apply_creates_an_absent_object_and_records_an_apply_entry()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var created = await client.ApplyAsync(WidgetPath, Config("  replicas: 2"), "operator");
        var again = await client.ApplyAsync(WidgetPath, Config("  replicas: 2"), "operator");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var entry = created.Body!["metadata"]!["managedFields"]!.AsArray().Single()!;
        Assert.Equal("operator", entry["manager"]!.GetValue<string>());
        Assert.Equal("Apply", entry["operation"]!.GetValue<string>());
        Assert.Equal("test.skyforge.dev/v1", entry["apiVersion"]!.GetValue<string>());
        Assert.NotNull(entry["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(created.ResourceVersion, again.ResourceVersion);
    }

    [Fact]
    public async Task Apply_requires_a_field_manager()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        var response = await client.PatchAsync(WidgetPath, "application/apply-patch+yaml", Config("  replicas: 2"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("fieldManager", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_field_another_manager_owns_conflicts_unless_forced()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.ApplyAsync(WidgetPath, Config("  replicas: 2\n  size: small"), "first")).Expect(HttpStatusCode.Created);

        var shared = await client.ApplyAsync(WidgetPath, Config("  replicas: 2"), "second");
        var conflict = await client.ApplyAsync(WidgetPath, Config("  replicas: 3"), "second");
        var forced = await client.ApplyAsync(WidgetPath, Config("  replicas: 3"), "second", force: true);

        Assert.Equal(HttpStatusCode.OK, shared.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("Conflict", conflict.Reason);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"first\" using test.skyforge.dev/v1: .spec.replicas", conflict.Message);
        var cause = conflict.Body!["details"]!["causes"]![0]!;
        Assert.Equal("FieldManagerConflict", cause["reason"]!.GetValue<string>());
        Assert.Equal(".spec.replicas", cause["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Equal(3, forced.Body!["spec"]!["replicas"]!.GetValue<int>());
        var first = forced.Body["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == "first")!;
        Assert.Null(first["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.NotNull(first["fieldsV1"]!["f:spec"]!["f:size"]);
    }

    [Fact]
    public async Task Fields_dropped_from_the_configuration_are_removed_unless_someone_else_owns_them()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.ApplyAsync(WidgetPath, Config("  replicas: 2\n  size: large\n  tags: [a]", "  labels:\n    team: a"), "operator")).Expect(HttpStatusCode.Created);
        (await client.ApplyAsync(WidgetPath, Config("  size: large"), "other")).Expect(HttpStatusCode.OK);

        var applied = (await client.ApplyAsync(WidgetPath, Config("  replicas: 2"), "operator")).Expect(HttpStatusCode.OK);

        Assert.Null(applied["spec"]!["tags"]);
        Assert.Null(applied["metadata"]!["labels"]?["team"]);
        Assert.Equal("large", applied["spec"]!["size"]!.GetValue<string>());
        Assert.Equal(2, applied["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_map_applied_as_null_and_then_with_entries_keeps_them()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.ApplyAsync(WidgetPath, Config("  replicas: 2\n  settings: null"), "operator")).Expect(HttpStatusCode.Created);

        var applied = (await client.ApplyAsync(WidgetPath, Config("  replicas: 2\n  settings:\n    mode: fast"), "operator")).Expect(HttpStatusCode.OK);

        Assert.Equal("fast", applied["spec"]!["settings"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keyed_lists_merge_items_from_different_managers()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.ApplyAsync(WidgetPath, Config("  ports:\n  - name: http\n    port: 80"), "web")).Expect(HttpStatusCode.Created);

        var merged = (await client.ApplyAsync(WidgetPath, Config("  ports:\n  - name: metrics\n    port: 9090"), "monitoring")).Expect(HttpStatusCode.OK);
        var withdrawn = (await client.ApplyAsync(WidgetPath, Config("  ports: []"), "web")).Expect(HttpStatusCode.OK);

        Assert.Equal(["http", "metrics"], merged["spec"]!["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(["metrics"], withdrawn["spec"]!["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Apply_to_the_status_subresource_changes_only_status()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.ApplyAsync(WidgetPath, Config("  replicas: 2"), "operator")).Expect(HttpStatusCode.Created);

        var status = (await client.ApplyAsync(WidgetPath + "/status", """
            apiVersion: test.skyforge.dev/v1
            kind: Widget
            metadata:
              name: applied
            spec:
              replicas: 7
            status:
              conditions:
              - type: Ready
                status: "True"
            """, "operator-status")).Expect(HttpStatusCode.OK);

        Assert.Equal(2, status["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("True", status["status"]!["conditions"]![0]!["status"]!.GetValue<string>());
        var entry = status["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == "operator-status")!;
        Assert.Equal("status", entry["subresource"]!.GetValue<string>());
        Assert.Equal("1", TestResources.Metadata(status, "generation"));
    }

    [Fact]
    public async Task Apply_with_a_stale_resource_version_conflicts()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.ApplyAsync(WidgetPath, Config("  replicas: 2"), "operator")).Expect(HttpStatusCode.Created);

        var response = await client.ApplyAsync(WidgetPath,
            """{"apiVersion":"test.skyforge.dev/v1","kind":"Widget","metadata":{"name":"applied","resourceVersion":"1"},"spec":{"replicas":3}}""", "operator");

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Contains("the object has been modified", response.Message, StringComparison.Ordinal);
    }
}
