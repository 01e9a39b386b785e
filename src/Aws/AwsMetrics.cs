using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Skyforge.Aws;

/// <summary>
/// Instruments of meter <c>Skyforge.Aws</c>: calls (after retries) and single attempts per service, operation and
/// outcome, and call durations.
/// </summary>
public sealed class AwsMetrics
{
    public const string MeterName = "Skyforge.Aws";
    public const string CallsTotal = "skyforge_aws_calls_total";
    public const string AttemptsTotal = "skyforge_aws_attempts_total";
    public const string CallDuration = "skyforge_aws_call_duration_seconds";

    private static readonly Meter SharedMeter = new(MeterName);

    private readonly Counter<long> _calls;
    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _duration;

    /// <param name="meterFactory">The host's factory; without one, a process-wide meter is used.</param>
    public AwsMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? SharedMeter;
        _calls = meter.CreateCounter<long>(CallsTotal, description: "AWS API calls by service, operation and outcome, after retries");
        _attempts = meter.CreateCounter<long>(AttemptsTotal, description: "AWS API HTTP attempts by service, operation and outcome");
        _duration = meter.CreateHistogram(
            CallDuration,
            unit: "s",
            description: "AWS API call duration including retries",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
    }

    public void RecordCall(AwsService service, string operation, string outcome, TimeSpan duration)
    {
        var tags = Tags(service, operation, outcome);
        _calls.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }

    public void RecordAttempt(AwsService service, string operation, string outcome) => _attempts.Add(1, Tags(service, operation, outcome));

    private static TagList Tags(AwsService service, string operation, string outcome) =>
        new() { { "service", service.Id }, { "operation", operation }, { "outcome", outcome } };
}
