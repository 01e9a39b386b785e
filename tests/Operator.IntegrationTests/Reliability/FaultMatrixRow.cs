using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// One row of the fault matrix: waits for convergence (<see cref="ConvergenceCheck"/>) after the fault cleared, writes
/// the measured figures to the test output as <c>[fault-matrix] row | ...</c> lines (docs/reliability.md quotes them) and
/// holds them to the goal of two drift intervals (<see cref="FaultMatrixTimings.ConvergenceBound"/>).
/// </summary>
internal sealed class FaultMatrixRow(FaultMatrixCluster cluster, ITestOutputHelper output, string row)
{
    /// <summary>How long to keep looking past the bound, so a late convergence is measured rather than timed out.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(8);

    /// <param name="sinceCleared">Started when the fault cleared.</param>
    /// <param name="outcome">What the user sees once converged, for the report.</param>
    /// <param name="alsoRequired">A further condition the row needs (e.g. a spec change applied in AWS).</param>
    public async Task<TimeSpan> ConvergesAsync(Stopwatch sinceCleared, string outcome, Func<Task<bool>>? alsoRequired = null)
    {
        var bound = FaultMatrixTimings.ConvergenceBound;
        await cluster.WaitForConvergenceAsync(bound + Grace - sinceCleared.Elapsed, row, alsoRequired);
        var elapsed = sinceCleared.Elapsed;
        Note($"{outcome} | duplicates 0 | orphans 0 | converged {Seconds(elapsed)} s after the fault cleared (bound {Seconds(bound)} s)");
        Assert.True(elapsed <= bound, $"{row}: converged {Seconds(elapsed)} s after the fault cleared, beyond two drift intervals ({Seconds(bound)} s)");
        return elapsed;
    }

    /// <summary>A further measured figure of this row.</summary>
    public void Note(string text) => output.WriteLine($"[fault-matrix] {row} | {text}");

    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
}
