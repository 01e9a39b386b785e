namespace Skyforge.Runtime;

/// <summary>Exponential backoff with jitter for reconnect loops; reset after a success.</summary>
internal sealed class Backoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public Backoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        _next = initial;
    }

    /// <summary>The wait before the next attempt: the current step plus up to 20 % jitter, then doubles the step.</summary>
    public TimeSpan Next()
    {
        var step = _next;
        _next = TimeSpan.FromTicks(Math.Min(_max.Ticks, step.Ticks * 2));
        return step + TimeSpan.FromTicks((long)(step.Ticks * 0.2 * Random.Shared.NextDouble()));
    }

    public void Reset() => _next = _initial;
}
