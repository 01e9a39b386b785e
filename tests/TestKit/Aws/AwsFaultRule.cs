namespace Skyforge.TestKit.Aws;

/// <summary>
/// When <see cref="AwsFaultProxy"/> injects a fault: requests of <see cref="Service"/>/<see cref="Operation"/>
/// (null matches any), with <see cref="Probability"/>, at most <see cref="Times"/> times. A rule with
/// <see cref="AfterOperation"/> is dormant until that operation of the same service succeeds, and then fires for
/// the next <see cref="Times"/> matching requests (e.g. NotFound right after a create).
/// </summary>
public sealed record AwsFaultRule(AwsFault Fault)
{
    public string? Service { get; init; }

    public string? Operation { get; init; }

    public double Probability { get; init; } = 1.0;

    public int? Times { get; init; }

    public string? AfterOperation { get; init; }
}
