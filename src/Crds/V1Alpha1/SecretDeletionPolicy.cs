using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>What happens to the Secrets Manager secret when the ManagedSecret is deleted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SecretDeletionPolicy>))]
public enum SecretDeletionPolicy
{
    /// <summary>Schedule the secret for deletion (recoverable for 7 days).</summary>
    Delete,

    /// <summary>Leave the secret in Secrets Manager.</summary>
    Retain,
}
