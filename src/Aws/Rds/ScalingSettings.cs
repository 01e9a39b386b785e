namespace Skyforge.Aws.Rds;

/// <summary>Aurora Serverless v2 capacity range in ACUs.</summary>
public sealed record ServerlessV2ScalingConfiguration
{
    public double? MinCapacity { get; init; }

    public double? MaxCapacity { get; init; }

    public int? SecondsUntilAutoPause { get; init; }
}

/// <summary>Aurora Serverless v1 scaling.</summary>
public sealed record ScalingConfiguration
{
    public int? MinCapacity { get; init; }

    public int? MaxCapacity { get; init; }

    public bool? AutoPause { get; init; }

    public int? SecondsUntilAutoPause { get; init; }

    public string? TimeoutAction { get; init; }

    public int? SecondsBeforeTimeout { get; init; }
}

public sealed record CloudwatchLogsExportConfiguration
{
    public IReadOnlyList<string>? EnableLogTypes { get; init; }

    public IReadOnlyList<string>? DisableLogTypes { get; init; }
}
