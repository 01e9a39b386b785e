using System.Text.Json.Serialization.Metadata;

namespace Skyforge.Kubernetes.Typed;

/// <summary>A resource together with the model its objects deserialize into.</summary>
public sealed record TypedResource<T>(ResourceType Type, JsonTypeInfo<T> TypeInfo);
