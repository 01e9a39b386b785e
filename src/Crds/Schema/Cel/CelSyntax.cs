namespace Skyforge.Crds.Schema.Cel;

/// <summary>Parsed CEL syntax tree; macros (<c>has</c>, <c>all</c>, <c>map</c>...) are already expanded.</summary>
internal abstract record CelSyntax(int Position);

internal sealed record CelLiteral(int Position, object Value) : CelSyntax(Position);

internal sealed record CelIdentifier(int Position, string Name) : CelSyntax(Position);

/// <summary>Field selection <c>a.b</c>; with <see cref="TestOnly"/> it is the <c>has(a.b)</c> presence test.</summary>
internal sealed record CelSelect(int Position, CelSyntax Operand, string Field, bool TestOnly) : CelSyntax(Position);

internal sealed record CelIndex(int Position, CelSyntax Operand, CelSyntax Index) : CelSyntax(Position);

/// <summary>A function call; <see cref="Target"/> is the receiver of a method-style call.</summary>
internal sealed record CelCall(int Position, CelSyntax? Target, string Function, IReadOnlyList<CelSyntax> Arguments) : CelSyntax(Position);

internal sealed record CelListLiteral(int Position, IReadOnlyList<CelSyntax> Elements) : CelSyntax(Position);

internal sealed record CelMapLiteral(int Position, IReadOnlyList<KeyValuePair<CelSyntax, CelSyntax>> Entries) : CelSyntax(Position);

internal sealed record CelUnary(int Position, CelTokenKind Operator, CelSyntax Operand) : CelSyntax(Position);

internal sealed record CelBinary(int Position, CelTokenKind Operator, CelSyntax Left, CelSyntax Right) : CelSyntax(Position);

internal sealed record CelConditional(int Position, CelSyntax Condition, CelSyntax WhenTrue, CelSyntax WhenFalse) : CelSyntax(Position);

/// <summary>An expanded comprehension macro over a list (elements) or a map (keys).</summary>
internal sealed record CelComprehension(int Position, CelMacro Macro, CelSyntax Range, string Variable, CelSyntax? Predicate, CelSyntax? Transform) : CelSyntax(Position);

internal enum CelMacro
{
    All,
    Exists,
    ExistsOne,
    Map,
    Filter,
}
