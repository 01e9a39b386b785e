using System.Net;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class WatchTests
{
    private static string Type(JsonObject watchEvent) => watchEvent["type"]!.GetValue<string>();

    private static string Name(JsonObject watchEvent) => watchEvent["object"]!["metadata"]!["name"]!.GetValue<string>();

    [Fact]
    public async Task A_watch_without_resource_version_starts_with_the_current_objects_then_streams_changes()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("existing"))).Expect(HttpStatusCode.Created);

        await using var watch = await client.WatchAsync($"{TestResources.WidgetsPath}?watch=true");
        var initial = await watch.NextAsync();
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("new"))).Expect(HttpStatusCode.Created);
        (await client.MergePatchAsync($"{TestResources.WidgetsPath}/new", JsonNode.Parse("""{"spec":{"replicas":2}}""")!)).Expect(HttpStatusCode.OK);
        (await client.DeleteAsync($"{TestResources.WidgetsPath}/new")).Expect(HttpStatusCode.OK);
        var added = await watch.NextAsync();
        var modified = await watch.NextAsync();
        var deleted = await watch.NextAsync();

        Assert.Equal("application/json", watch.ContentType);
        Assert.Equal(("ADDED", "existing"), (Type(initial!), Name(initial!)));
        Assert.Equal(("ADDED", "new"), (Type(added!), Name(added!)));
        Assert.Equal(("MODIFIED", "new"), (Type(modified!), Name(modified!)));
        Assert.Equal(2, modified!["object"]!["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(("DELETED", "new"), (Type(deleted!), Name(deleted!)));
        Assert.Equal("Widget", deleted!["object"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_watch_from_a_resource_version_replays_only_later_changes()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var before = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("before"))).Expect(HttpStatusCode.Created);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("after"))).Expect(HttpStatusCode.Created);

        await using var watch = await client.WatchAsync($"{TestResources.WidgetsPath}?watch=true&resourceVersion={TestResources.Metadata(before, "resourceVersion")}");
        var replayed = await watch.NextAsync();

        Assert.Equal(("ADDED", "after"), (Type(replayed!), Name(replayed!)));
    }

    [Fact]
    public async Task Bookmarks_carry_the_current_resource_version_when_allowed()
    {
        await using var server = await TestResources.StartWithWidgetsAsync(new TestApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("w"))).Expect(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/namespaces/default/configmaps", TestResources.ConfigMap("unrelated"))).Expect(HttpStatusCode.Created);

        await using var watch = await client.WatchAsync($"{TestResources.WidgetsPath}?watch=true&allowWatchBookmarks=true&resourceVersion={TestResources.Metadata(created, "resourceVersion")}");
        var bookmark = await watch.NextAsync();

        Assert.Equal("BOOKMARK", Type(bookmark!));
        Assert.Equal("Widget", bookmark!["object"]!["kind"]!.GetValue<string>());
        Assert.Equal(server.Store.ResourceVersion.ToString(), bookmark["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Null(bookmark["object"]!["metadata"]!["name"]);
    }

    [Fact]
    public async Task Send_initial_events_ends_the_initial_burst_with_an_annotated_bookmark()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("one"))).Expect(HttpStatusCode.Created);

        await using var watch = await client.WatchAsync(
            $"{TestResources.WidgetsPath}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        var added = await watch.NextAsync();
        var end = await watch.NextAsync();
        var invalid = await client.GetAsync($"{TestResources.WidgetsPath}?watch=true&sendInitialEvents=true");

        Assert.Equal("ADDED", Type(added!));
        Assert.Equal("BOOKMARK", Type(end!));
        Assert.Equal("true", end!["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>());
        Assert.Equal(422, invalid.Code);
    }

    [Fact]
    public async Task A_resource_version_older_than_the_retained_window_gets_a_410_error_event()
    {
        await using var server = await TestResources.StartWithWidgetsAsync(new TestApiServerOptions { WatchHistoryLimit = 3 });
        using var client = ApiClient.For(server);
        var first = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("w0"))).Expect(HttpStatusCode.Created);
        for (var i = 1; i <= 4; i++)
        {
            (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget($"w{i}"))).Expect(HttpStatusCode.Created);
        }

        await using var watch = await client.WatchAsync($"{TestResources.WidgetsPath}?watch=true&resourceVersion={TestResources.Metadata(first, "resourceVersion")}");
        var error = await watch.NextAsync();
        var end = await watch.NextAsync();

        Assert.Equal("ERROR", Type(error!));
        var status = error!["object"]!;
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal(410, status["code"]!.GetValue<int>());
        Assert.Equal("Expired", status["reason"]!.GetValue<string>());
        Assert.StartsWith($"too old resource version: {TestResources.Metadata(first, "resourceVersion")} (", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(end);
    }

    [Fact]
    public async Task A_filtered_watch_sees_objects_enter_and_leave_its_selection()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("w", labels: new JsonObject { ["team"] = "a" }))).Expect(HttpStatusCode.Created);

        await using var watch = await client.WatchAsync(
            $"{TestResources.WidgetsPath}?watch=true&labelSelector=team%3Db&resourceVersion={TestResources.Metadata(created, "resourceVersion")}");
        (await client.MergePatchAsync($"{TestResources.WidgetsPath}/w", JsonNode.Parse("""{"metadata":{"labels":{"team":"b"}}}""")!)).Expect(HttpStatusCode.OK);
        (await client.MergePatchAsync($"{TestResources.WidgetsPath}/w", JsonNode.Parse("""{"metadata":{"labels":{"team":"c"}}}""")!)).Expect(HttpStatusCode.OK);
        var entered = await watch.NextAsync();
        var left = await watch.NextAsync();

        Assert.Equal("ADDED", Type(entered!));
        Assert.Equal("DELETED", Type(left!));
    }

    [Fact]
    public async Task Timeout_seconds_ends_the_stream_cleanly()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        await using var watch = await client.WatchAsync($"{TestResources.WidgetsPath}?watch=true&timeoutSeconds=1");
        var end = await watch.NextAsync(TimeSpan.FromSeconds(5));

        Assert.Null(end);
        await Eventually.TrueAsync(() => server.Store.OpenWatchCount == 0, "the watch is closed on the server");
    }

    [Fact]
    public async Task Table_watches_render_each_event_as_a_one_row_table()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);

        await using var watch = await client.WatchAsync($"{TestResources.WidgetsPath}?watch=true", "application/json;as=Table;v=v1;g=meta.k8s.io");
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("tabled", new JsonObject { ["size"] = "large" }))).Expect(HttpStatusCode.Created);
        var added = await watch.NextAsync();

        Assert.Equal("Table", added!["object"]!["kind"]!.GetValue<string>());
        Assert.Equal("tabled", added["object"]!["rows"]![0]!["cells"]![0]!.GetValue<string>());
    }
}
