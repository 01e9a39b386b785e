namespace Skyforge.RuntimeBench;

/// <summary>One row of the result table.</summary>
internal sealed record Measurement(string Name, string Result, string Detail);
