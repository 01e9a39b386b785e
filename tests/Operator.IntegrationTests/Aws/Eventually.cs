using System.Diagnostics;

namespace Skyforge.Operator.IntegrationTests.Aws;

/// <summary>Polls until a condition holds or a deadline passes (no fixed sleeps).</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string description, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit} waiting for {description}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
