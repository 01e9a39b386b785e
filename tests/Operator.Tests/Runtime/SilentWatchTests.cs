using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Kubernetes;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.Metrics;

namespace Skyforge.Operator.Tests.Runtime;

/// <summary>
/// A watch whose connection dies without a close (the fake never ends its streams) must not leave
/// the informer blind: past the watch's own timeout plus a grace period it reconnects.
/// </summary>
public sealed class SilentWatchTests
{
    [Fact]
    public async Task A_watch_the_server_never_ends_is_abandoned_after_its_timeout_and_resumed()
    {
        using var api = new FakeApi().Serve(ResourceTypes.ConfigMaps);
        var clock = new ManualTimeProvider();
        var options = new InformerOptions { MinWatchTimeout = TimeSpan.FromSeconds(60), MaxWatchTimeout = TimeSpan.FromSeconds(60) };
        await using var informer = new SharedInformer(api.Client, new InformerScope(ResourceTypes.ConfigMaps, "team-a", null), clock, NullLogger.Instance, new RuntimeMetrics(), options);
        informer.Start();
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => api.WatchCount == 1, "the informer watches");

        clock.Advance(TimeSpan.FromSeconds(60 + 29));
        await Task.Yield();
        Assert.Equal(1, api.WatchCount);

        clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => api.WatchCount == 2, "the informer reconnected after the deadline");
        Assert.Equal(1, api.ListCount);
    }

    [Fact]
    public async Task A_watch_that_worked_and_then_broke_reconnects_after_the_first_backoff_step_every_time()
    {
        using var api = new FakeApi().Serve(ResourceTypes.ConfigMaps);
        var clock = new ManualTimeProvider();
        var options = new InformerOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30) };
        await using var informer = new SharedInformer(api.Client, new InformerScope(ResourceTypes.ConfigMaps, "team-a", null), clock, NullLogger.Instance, new RuntimeMetrics(), options);
        informer.Start();
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        for (var round = 1; round <= 4; round++)
        {
            await Eventually.HoldsAsync(() => api.WatchCount == round, $"watch {round} is open");
            api.Put(ResourceTypes.ConfigMaps, "team-a", $"object-{round}");
            await Eventually.HoldsAsync(() => informer.Store.Get("team-a", $"object-{round}") is not null, $"watch {round} delivered its event");

            api.ResetWatches();

            // The watch deadline is minutes away; a timer due within seconds is the reconnect backoff.
            await Eventually.HoldsAsync(() => clock.NextDue is { } due && due < TimeSpan.FromSeconds(5), $"round {round}: the informer waits to reconnect");
            var backoff = clock.NextDue!.Value;
            // The first step is 1 s plus up to 20 % jitter; a grown backoff would be 2 s or more.
            Assert.InRange(backoff, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
            clock.Advance(backoff);
        }
        await Eventually.HoldsAsync(() => api.WatchCount == 5, "the last reconnect happened");
    }
}
