using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>The Secrets Manager secret holding generated credentials of an AWS data service.</summary>
internal static class MasterCredentials
{
    /// <summary>Purpose segment of the secret's name and idempotency token for database master users.</summary>
    public const string DatabasePurpose = "master-credentials";

    /// <summary>Purpose segment of the secret's name and idempotency token for cache AUTH tokens.</summary>
    public const string CachePurpose = "auth-token";

    /// <summary>CreateSecret with a deterministic name and ClientRequestToken; SecretString is {"username": ..., "password": ...}.</summary>
    public static JsonObject CreateSecret(BuildContext context, ResourceIdentity owner, string purpose, string description, string username, string password, IReadOnlyList<KeyValuePair<string, string>> tags) => new()
    {
        ["Name"] = AwsNames.SecretName(context.ClusterName, owner, purpose),
        ["ClientRequestToken"] = AwsNames.ClientRequestToken(context.ClusterName, owner, purpose),
        ["Description"] = description,
        ["SecretString"] = JsonParts.SecretText(new JsonObject { ["username"] = username, ["password"] = password }),
        ["Tags"] = OwnershipTags.ToTagList(tags),
    };
}
