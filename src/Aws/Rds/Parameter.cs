namespace Skyforge.Aws.Rds;

/// <summary>An engine parameter; <c>ApplyMethod</c> is <c>immediate</c> or <c>pending-reboot</c>.</summary>
public sealed record Parameter
{
    public string? ParameterName { get; init; }

    public string? ParameterValue { get; init; }

    public string? Description { get; init; }

    public string? Source { get; init; }

    public string? ApplyType { get; init; }

    public string? DataType { get; init; }

    public string? AllowedValues { get; init; }

    public bool? IsModifiable { get; init; }

    public string? MinimumEngineVersion { get; init; }

    public string? ApplyMethod { get; init; }
}
