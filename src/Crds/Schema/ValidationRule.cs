using Skyforge.Crds.Schema.Cel;

namespace Skyforge.Crds.Schema;

/// <summary>One compiled <c>x-kubernetes-validations</c> entry.</summary>
internal sealed class ValidationRule
{
    public required string Rule { get; init; }

    public required CelProgram Program { get; init; }

    /// <summary>The trimmed <c>message</c>, or null to report <c>failed rule: &lt;rule&gt;</c>.</summary>
    public string? Message { get; init; }

    public CelProgram? MessageExpression { get; init; }

    public RuleFailureReason Reason { get; init; }

    /// <summary>Where a failure is reported, relative to the node declaring the rule.</summary>
    public IReadOnlyList<RuleFieldPathSegment> FieldPath { get; init; } = [];

    public bool OptionalOldSelf { get; init; }

    public bool IsTransitionRule => Program.ReferencesOldSelf;

    public string DefaultMessage => Message ?? $"failed rule: {Rule.Trim()}";
}
