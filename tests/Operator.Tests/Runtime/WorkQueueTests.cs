using Skyforge.Runtime.Metrics;
using Skyforge.Runtime.Queue;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class WorkQueueTests
{
    private readonly ManualTimeProvider _time = new();

    private WorkQueue<string> NewQueue(IRateLimiter<string>? limiter = null) =>
        new("test", limiter ?? new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)), _time);

    private static async Task<string> TakeAsync(WorkQueue<string> queue)
    {
        var item = await queue.GetAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(item.IsShutdown);
        return item.Item;
    }

    [Fact]
    public async Task An_item_added_many_times_waits_once()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Count);
        Assert.Equal("a", await TakeAsync(queue));
        Assert.Equal("b", await TakeAsync(queue));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task An_item_being_processed_is_not_handed_out_again_until_done()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var first = await TakeAsync(queue);

        queue.Add("a");
        queue.Add("a");
        var second = queue.GetAsync(CancellationToken.None).AsTask();

        Assert.Equal("a", first);
        Assert.Equal(0, queue.Count);
        Assert.False(second.IsCompleted);
        queue.Done("a");
        Assert.Equal("a", (await second.WaitAsync(TimeSpan.FromSeconds(10))).Item);
    }

    [Fact]
    public async Task Done_without_a_new_add_does_not_requeue()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Done(await TakeAsync(queue));

        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Many_workers_never_hold_the_same_item_at_once()
    {
        using var queue = new WorkQueue<string>("test", new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1)), TimeProvider.System);
        var holding = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var processed = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var next = await queue.GetAsync(CancellationToken.None);
                if (next.IsShutdown)
                {
                    return;
                }
                if (holding.AddOrUpdate(next.Item, 1, (_, count) => count + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }
                await Task.Yield();
                holding.AddOrUpdate(next.Item, 0, (_, count) => count - 1);
                Interlocked.Increment(ref processed);
                queue.Done(next.Item);
            }
        })).ToArray();

        for (var round = 0; round < 2000; round++)
        {
            queue.Add($"key-{round % 3}");
        }
        await Eventually.HoldsAsync(() => queue.Count == 0, "the queue drained");
        await queue.ShutDownWithDrainAsync(CancellationToken.None);
        await Task.WhenAll(workers);

        Assert.Equal(0, overlaps);
        Assert.InRange(processed, 3, 2000);
    }

    [Fact]
    public async Task Delayed_adds_appear_when_their_time_comes_and_the_earliest_deadline_wins()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        queue.AddAfter("a", TimeSpan.FromSeconds(20));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, queue.Count);
        Assert.Equal(1, queue.DelayedCount);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal(0, queue.DelayedCount);
        Assert.Equal("a", await TakeAsync(queue));
    }

    [Fact]
    public async Task A_cancelled_delayed_add_never_appears_and_a_later_one_does()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        queue.CancelDelayed("a");
        queue.AddAfter("a", TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, queue.Count);
        Assert.Equal(1, queue.DelayedCount);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("a", await TakeAsync(queue));
    }

    [Fact]
    public async Task Rate_limited_adds_back_off_exponentially_until_forgotten()
    {
        using var queue = NewQueue();

        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        queue.Done(await TakeAsync(queue));
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(0, queue.Count);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Done(await TakeAsync(queue));
        Assert.Equal(2, queue.Failures("a"));

        queue.Forget("a");
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task Shut_down_queues_hand_out_nothing_and_drop_delayed_items()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.AddAfter("b", TimeSpan.FromSeconds(1));
        var waiting = NewQueue();
        var blocked = waiting.GetAsync(CancellationToken.None).AsTask();

        queue.ShutDown();
        waiting.ShutDown();
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True((await queue.GetAsync(CancellationToken.None)).IsShutdown);
        Assert.True((await blocked.WaitAsync(TimeSpan.FromSeconds(10))).IsShutdown);
        queue.Add("c");
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Drain_waits_for_items_in_progress()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var taken = await TakeAsync(queue);

        var drained = queue.ShutDownWithDrainAsync(CancellationToken.None);
        Assert.False(drained.IsCompleted);
        queue.Done(taken);

        await drained.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Waiting_for_an_item_can_be_cancelled()
    {
        using var queue = NewQueue();
        using var cancel = new CancellationTokenSource();
        var waiting = queue.GetAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Time_in_queue_depth_and_adds_are_measured()
    {
        using var recorder = new MeasurementRecorder();
        using var queue = new WorkQueue<string>("measured", new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1)), _time, new RuntimeMetrics(recorder));

        queue.Add("a");
        queue.Add("a");
        _time.Advance(TimeSpan.FromSeconds(3));
        var taken = await TakeAsync(queue);
        _time.Advance(TimeSpan.FromSeconds(1));
        queue.Done(taken);

        Assert.Single(recorder.Of(RuntimeMetrics.QueueAdds));
        Assert.Equal(3, Assert.Single(recorder.Of(RuntimeMetrics.QueueLatency)).Value);
        Assert.Equal(1, Assert.Single(recorder.Of(RuntimeMetrics.QueueWorkDuration)).Value);
        Assert.Equal(0, recorder.Of(RuntimeMetrics.QueueDepth).Sum(measurement => measurement.Value));
        Assert.All(recorder.Of(RuntimeMetrics.QueueLatency), measurement => Assert.Equal("measured", measurement.Tags["name"]));
    }
}
