namespace Skyforge.Bench;

/// <summary>
/// Everything counted at one moment of a run: when, the operator's CPU and memory and metrics, the harness's and
/// moto's CPU time, and how many AWS requests the proxy had recorded.
/// </summary>
internal sealed record Phase(
    DateTimeOffset Time,
    ProcessSample Operator,
    MetricsScrape Metrics,
    TimeSpan HarnessCpu,
    TimeSpan? MotoCpu,
    int AwsRecords);
