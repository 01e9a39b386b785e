namespace Skyforge.Kubernetes.Requests;

/// <summary>The operators of the label selector language.</summary>
public enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
