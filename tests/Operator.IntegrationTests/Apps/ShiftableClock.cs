namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>The system clock, moved forward on demand (timers still run in real time), to step through long rollout pauses.</summary>
internal sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
