using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.SecretsManager;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.SecretsManager;

/// <summary>
/// A credential the operator generates once and keeps in a Secrets Manager secret of its own, as JSON with a
/// `password` member (master passwords, AUTH tokens). Every later create reads it back, so a retry after a
/// crash sends the same value instead of a new one.
/// </summary>
internal sealed class GeneratedCredential(IAwsClientFactory clients)
{
    /// <summary>The secret's ARN and password in <paramref name="region"/>, or null when the secret does not exist or holds no password.</summary>
    public async Task<(string? Arn, string Password)?> ReadAsync(string region, string secretName, CancellationToken cancellationToken)
    {
        try
        {
            var value = await clients.ForRegion(region).SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretName }, cancellationToken);
            var password = value.SecretString is { } text ? JsonNode.Parse(text)?["password"]?.GetValue<string>() : null;
            return password is null ? null : (value.ARN, password);
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The stored password, or, when the secret does not exist yet, the builder's CreateSecret call sent and
    /// the value it carries returned. "Already exists" means a concurrent or earlier attempt won: read it back.
    /// </summary>
    /// <param name="createSecret">Builds the CreateSecret call and the generated value inside it, only when needed.</param>
    public async Task<string> EnsureAsync(string region, string secretName, Func<(AwsCall CreateSecret, string Value)> createSecret, string missingReason, CancellationToken cancellationToken)
    {
        if (await ReadAsync(region, secretName, cancellationToken) is { } existing)
        {
            return existing.Password;
        }
        var (call, value) = createSecret();
        try
        {
            await clients.ForRegion(region).SecretsManager.CreateSecretAsync(call.Request<CreateSecretRequest>(), cancellationToken);
            return value;
        }
        catch (AwsServiceException exists) when (exists.IsAlreadyExists)
        {
            return (await ReadAsync(region, secretName, cancellationToken))?.Password
                ?? throw new ExternalResourceException(missingReason, $"the secret {secretName} exists but holds no password");
        }
    }
}
