using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>What happens to the external resource when the Kubernetes object is deleted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeletionPolicy>))]
public enum DeletionPolicy
{
    /// <summary>Delete the external resource.</summary>
    Delete,

    /// <summary>Leave the external resource untouched.</summary>
    Retain,

    /// <summary>Take a final snapshot with a deterministic name, then delete.</summary>
    Snapshot,
}
