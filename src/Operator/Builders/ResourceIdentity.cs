namespace Skyforge.Operator.Builders;

/// <summary>Which Kubernetes object a builder works for: enough to name, label, tag and own what it builds.</summary>
/// <param name="Uid">metadata.uid; empty before the object exists in a cluster (render).</param>
public sealed record ResourceIdentity(string ApiVersion, string Kind, string Namespace, string Name, string Uid)
{
    public string Key => $"{Namespace}/{Name}";
}
