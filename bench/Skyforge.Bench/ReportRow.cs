namespace Skyforge.Bench;

/// <summary>One row of the result table.</summary>
internal sealed record ReportRow(string Figure, string Value, string Detail);
