using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Models;
using Skyforge.Runtime.Informers;

namespace Skyforge.Runtime.Events;

/// <summary>The object an event is about (its <c>involvedObject</c>).</summary>
public sealed record EventTarget(string ApiVersion, string Kind, string? Namespace, string Name, string? Uid)
{
    public static EventTarget Of(ResourceType type, CachedObject obj) =>
        new(type.ApiVersion, type.Kind, obj.Key.Namespace, obj.Key.Name, obj.Uid);

    public static EventTarget Of(ResourceType type, ObjectMeta metadata) =>
        new(type.ApiVersion, type.Kind, metadata.Namespace, metadata.Name ?? throw new ArgumentException("the object has no name", nameof(metadata)), metadata.Uid);
}
