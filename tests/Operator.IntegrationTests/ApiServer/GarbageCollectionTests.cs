using System.Net;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class GarbageCollectionTests
{
    private const string ConfigMapsPath = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Background_deletion_removes_the_owner_at_once_and_its_dependents_soon_after()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var owner = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("owner"))).Expect(HttpStatusCode.Created);
        (await client.PostAsync(ConfigMapsPath, TestResources.ConfigMap("child", ownerReferences: TestResources.OwnedBy(owner)))).Expect(HttpStatusCode.Created);

        (await client.DeleteAsync($"{TestResources.WidgetsPath}/owner")).Expect(HttpStatusCode.OK);

        Assert.Null(server.Store.Get(TestResources.Group, "widgets", "default", "owner"));
        await Eventually.TrueAsync(() => server.Store.Get("", "configmaps", "default", "child") is null, "the dependent is collected");
    }

    [Fact]
    public async Task Foreground_deletion_keeps_the_owner_until_blocking_dependents_are_gone()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var owner = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("owner"))).Expect(HttpStatusCode.Created);
        var child = TestResources.ConfigMap("child", ownerReferences: TestResources.OwnedBy(owner, blockOwnerDeletion: true));
        child["metadata"]!["finalizers"] = new JsonArray("test.skyforge.dev/slow");
        (await client.PostAsync(ConfigMapsPath, child)).Expect(HttpStatusCode.Created);

        var deleting = (await client.DeleteAsync($"{TestResources.WidgetsPath}/owner",
            JsonNode.Parse("""{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Foreground"}""")!)).Expect(HttpStatusCode.OK);
        await Eventually.TrueAsync(
            () => server.Store.Get("", "configmaps", "default", "child")?["metadata"]?["deletionTimestamp"] is not null,
            "the dependent is being deleted");
        var ownerWhileWaiting = server.Store.Get(TestResources.Group, "widgets", "default", "owner");
        (await client.MergePatchAsync($"{ConfigMapsPath}/child", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!)).Expect(HttpStatusCode.OK);

        Assert.Contains("foregroundDeletion", deleting["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.NotNull(ownerWhileWaiting);
        await Eventually.TrueAsync(() => server.Store.Get(TestResources.Group, "widgets", "default", "owner") is null, "the owner goes after its dependent");
    }

    [Fact]
    public async Task Orphan_deletion_strips_the_owner_reference_and_keeps_the_dependent()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var owner = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("owner"))).Expect(HttpStatusCode.Created);
        (await client.PostAsync(ConfigMapsPath, TestResources.ConfigMap("child", ownerReferences: TestResources.OwnedBy(owner)))).Expect(HttpStatusCode.Created);

        (await client.DeleteAsync($"{TestResources.WidgetsPath}/owner?propagationPolicy=Orphan")).Expect(HttpStatusCode.OK);

        await Eventually.TrueAsync(() => server.Store.Get(TestResources.Group, "widgets", "default", "owner") is null, "the owner is removed");
        var orphan = server.Store.Get("", "configmaps", "default", "child");
        Assert.NotNull(orphan);
        Assert.Null(orphan!["metadata"]!["ownerReferences"]);
    }

    [Fact]
    public async Task With_garbage_collection_off_dependents_stay_like_in_envtest()
    {
        await using var server = await TestResources.StartWithWidgetsAsync(new TestApiServerOptions { GarbageCollection = false });
        using var client = ApiClient.For(server);
        var owner = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("owner"))).Expect(HttpStatusCode.Created);
        (await client.PostAsync(ConfigMapsPath, TestResources.ConfigMap("child", ownerReferences: TestResources.OwnedBy(owner)))).Expect(HttpStatusCode.Created);

        (await client.DeleteAsync($"{TestResources.WidgetsPath}/owner")).Expect(HttpStatusCode.OK);
        await server.WaitForControllersAsync();

        Assert.NotNull(server.Store.Get("", "configmaps", "default", "child"));
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_contents_then_the_namespace()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync("/api/v1/namespaces", JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}}""")!)).Expect(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/namespaces/team/configmaps", TestResources.ConfigMap("c"))).Expect(HttpStatusCode.Created);

        var deleting = (await client.DeleteAsync("/api/v1/namespaces/team")).Expect(HttpStatusCode.OK);

        Assert.Equal("Terminating", deleting["status"]!["phase"]!.GetValue<string>());
        await Eventually.TrueAsync(() => server.Store.Get("", "namespaces", "", "team") is null, "the namespace is finalized");
        Assert.Empty(server.Store.List("", "configmaps", "team"));
    }
}
