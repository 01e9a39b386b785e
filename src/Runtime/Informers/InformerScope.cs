using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;

namespace Skyforge.Runtime.Informers;

/// <summary>What one informer watches: a resource, optionally one namespace and a label selector (to cache only relevant objects).</summary>
public sealed record InformerScope(ResourceType Type, string? Namespace = null, LabelSelector? Selector = null)
{
    /// <summary>A string equal for equal scopes (selectors compare by their text).</summary>
    public string Id => $"{Type.GroupResource}|{(Type.Namespaced ? Namespace : null)}|{Selector}";

    public override string ToString() =>
        $"{Type.GroupResource}{(Type.Namespaced && Namespace is not null ? $" in {Namespace}" : "")}{(Selector is { IsEverything: false } ? $" [{Selector}]" : "")}";
}
