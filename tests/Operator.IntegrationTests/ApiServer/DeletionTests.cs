using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class DeletionTests
{
    [Fact]
    public async Task Deleting_an_object_without_finalizers_removes_it_and_returns_a_success_status()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("gone"))).Expect(HttpStatusCode.Created);

        var deleted = (await client.DeleteAsync($"{TestResources.WidgetsPath}/gone")).Expect(HttpStatusCode.OK);
        var again = await client.DeleteAsync($"{TestResources.WidgetsPath}/gone");

        Assert.Equal("Status", deleted["kind"]!.GetValue<string>());
        Assert.Equal("Success", deleted["status"]!.GetValue<string>());
        Assert.Equal(TestResources.Metadata(created, "uid"), deleted["details"]!["uid"]!.GetValue<string>());
        Assert.Equal("widgets", deleted["details"]!["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
    }

    [Fact]
    public async Task A_finalizer_holds_the_object_in_deletion_until_it_is_removed()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var widget = TestResources.Widget("held");
        widget["metadata"]!["finalizers"] = new JsonArray("test.skyforge.dev/cleanup");
        var created = (await client.PostAsync(TestResources.WidgetsPath, widget)).Expect(HttpStatusCode.Created);
        await using var watch = await client.WatchAsync($"{TestResources.WidgetsPath}?watch=true&resourceVersion={TestResources.Metadata(created, "resourceVersion")}");

        var deleting = (await client.DeleteAsync($"{TestResources.WidgetsPath}/held")).Expect(HttpStatusCode.OK);
        var stillThere = (await client.GetAsync($"{TestResources.WidgetsPath}/held")).Expect(HttpStatusCode.OK);
        var extraFinalizer = await client.MergePatchAsync($"{TestResources.WidgetsPath}/held",
            JsonNode.Parse("""{"metadata":{"finalizers":["test.skyforge.dev/cleanup","test.skyforge.dev/late"]}}""")!);
        var released = (await client.PatchAsync($"{TestResources.WidgetsPath}/held", "application/json-patch+json",
            """[{"op":"remove","path":"/metadata/finalizers"}]""")).Expect(HttpStatusCode.OK);
        var modified = await watch.NextChangeAsync();
        var removed = await watch.NextChangeAsync();

        Assert.Equal("Widget", deleting["kind"]!.GetValue<string>());
        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal("0", TestResources.Metadata(deleting, "deletionGracePeriodSeconds"));
        Assert.Equal("2", TestResources.Metadata(deleting, "generation"));
        Assert.NotNull(stillThere["metadata"]!["deletionTimestamp"]);
        Assert.Equal(422, extraFinalizer.Code);
        Assert.Contains("no new finalizers can be added if the object is being deleted", extraFinalizer.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{TestResources.WidgetsPath}/held")).Status);
        Assert.Equal("MODIFIED", modified["type"]!.GetValue<string>());
        Assert.Equal("DELETED", removed["type"]!.GetValue<string>());
        Assert.Equal(TestResources.Metadata(released, "resourceVersion"), removed["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_preconditions_are_checked()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("pre"))).Expect(HttpStatusCode.Created);

        var wrongUid = await client.DeleteAsync($"{TestResources.WidgetsPath}/pre",
            JsonNode.Parse("""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"00000000-0000-0000-0000-000000000000"}}""")!);
        var dryRun = await client.DeleteAsync($"{TestResources.WidgetsPath}/pre",
            JsonNode.Parse("""{"kind":"DeleteOptions","apiVersion":"v1","dryRun":["All"]}""")!);

        Assert.Equal(HttpStatusCode.Conflict, wrongUid.Status);
        Assert.Contains("Precondition failed: UID in precondition: 00000000-0000-0000-0000-000000000000", wrongUid.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dryRun.Status);
        Assert.NotNull(server.Store.Get(TestResources.Group, "widgets", "default", "pre"));
    }

    [Fact]
    public async Task Delete_collection_removes_only_the_selected_objects()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("a", labels: new JsonObject { ["batch"] = "x" }))).Expect(HttpStatusCode.Created);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("b", labels: new JsonObject { ["batch"] = "x" }))).Expect(HttpStatusCode.Created);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("c"))).Expect(HttpStatusCode.Created);

        var response = (await client.DeleteAsync($"{TestResources.WidgetsPath}?labelSelector=batch%3Dx")).Expect(HttpStatusCode.OK);

        Assert.Equal(2, response["items"]!.AsArray().Count);
        Assert.Equal(["c"], server.Store.List(TestResources.Group, "widgets").Select(w => TestResources.Metadata(w, "name")));
    }
}
