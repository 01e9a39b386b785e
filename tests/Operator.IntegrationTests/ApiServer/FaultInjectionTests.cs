using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Throttling_answers_429_with_retry_after_for_the_next_matching_requests_only()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        server.Faults.ThrottleNext(2, retryAfterSeconds: 3, verb: "list", resource: "widgets");

        var other = await client.GetAsync("/api/v1/namespaces/default/configmaps");
        var first = await client.GetAsync(TestResources.WidgetsPath);
        var second = await client.GetAsync(TestResources.WidgetsPath);
        var third = await client.GetAsync(TestResources.WidgetsPath);

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal("TooManyRequests", first.Reason);
        Assert.Equal(TimeSpan.FromSeconds(3), first.RetryAfter);
        Assert.Equal(3, first.Body!["details"]!["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Internal_errors_can_target_one_verb()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        server.Faults.FailNext(1, verb: "create");

        var read = await client.GetAsync(TestResources.WidgetsPath);
        var failed = await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("x"));
        var retried = await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("x"));

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal("InternalError", failed.Reason);
        Assert.Equal(HttpStatusCode.Created, retried.Status);
    }

    [Fact]
    public async Task Other_status_codes_can_be_injected()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        server.Faults.RespondNext(1, 503, resource: "widgets");

        var unavailable = await client.GetAsync(TestResources.WidgetsPath);
        var recovered = await client.GetAsync(TestResources.WidgetsPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.Status);
        Assert.Equal("ServiceUnavailable", unavailable.Reason);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
    }

    [Fact]
    public async Task Forced_conflicts_fail_the_next_updates_with_409()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("c"))).Expect(HttpStatusCode.Created);
        server.Faults.ConflictOnNextUpdates(1, resource: "widgets");

        var conflicted = await client.PutAsync($"{TestResources.WidgetsPath}/c", created);
        var updated = created.DeepClone().AsObject();
        updated["spec"]!["replicas"] = 2;
        var succeeded = await client.PutAsync($"{TestResources.WidgetsPath}/c", updated);

        Assert.Equal(HttpStatusCode.Conflict, conflicted.Status);
        Assert.Equal("Conflict", conflicted.Reason);
        Assert.Equal(HttpStatusCode.OK, succeeded.Status);
    }

    [Fact]
    public async Task Latency_delays_every_request()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        server.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync(TestResources.WidgetsPath);
        clock.Stop();
        server.Faults.Clear();

        Assert.Equal(HttpStatusCode.OK, response.Status);
        // The server's timer may fire a millisecond or two before the client's stopwatch reads 300 ms.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Dropping_watches_aborts_open_streams()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        await using var watch = await client.WatchAsync($"{TestResources.WidgetsPath}?watch=true&resourceVersion={server.Store.ResourceVersion}");
        await Eventually.TrueAsync(() => server.Store.OpenWatchCount == 1, "the watch is registered");

        server.Faults.DropWatches();

        await Assert.ThrowsAnyAsync<IOException>(async () => await watch.NextAsync());
        await Eventually.TrueAsync(() => server.Store.OpenWatchCount == 0, "the server forgot the watch");
        (await client.MergePatchAsync("/api/v1/namespaces/default", JsonNode.Parse("""{"metadata":{"labels":{"still":"up"}}}""")!)).Expect(HttpStatusCode.OK);
    }
}
