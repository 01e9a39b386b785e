namespace Skyforge.Crds.Schema.Cel;

/// <summary>A lexical token; <see cref="Value"/> holds the decoded literal (ulong magnitude for ints).</summary>
internal readonly record struct CelToken(CelTokenKind Kind, int Position, string Text, object? Value = null);
