namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>Polls conditions against real time: until one holds (with a deadline), or that one keeps holding for a window.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    public static async Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting until {because}");
            }
            await Task.Delay(Interval);
        }
    }

    /// <summary>Fails as soon as <paramref name="condition"/> stops holding within <paramref name="window"/>.</summary>
    public static async Task StaysAsync(Func<bool> condition, string because, TimeSpan window)
    {
        var end = DateTime.UtcNow + window;
        while (DateTime.UtcNow < end)
        {
            Assert.True(condition(), $"expected {because} throughout {window.TotalSeconds:0.#} s");
            await Task.Delay(Interval);
        }
        Assert.True(condition(), $"expected {because} throughout {window.TotalSeconds:0.#} s");
    }
}
