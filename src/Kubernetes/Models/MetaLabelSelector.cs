namespace Skyforge.Kubernetes.Models;

/// <summary><c>metav1.LabelSelector</c> as it appears in workload specs.</summary>
public sealed record MetaLabelSelector
{
    public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }

    public IReadOnlyList<LabelSelectorExpression>? MatchExpressions { get; init; }
}

/// <summary>One <c>matchExpressions</c> entry: operator In, NotIn, Exists or DoesNotExist.</summary>
public sealed record LabelSelectorExpression
{
    public string Key { get; init; } = "";

    public string Operator { get; init; } = "";

    public IReadOnlyList<string>? Values { get; init; }
}
