using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.SecretsManager;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Providers.ElastiCache;

/// <summary>
/// What every AWS cache needs besides the cache itself: the builder's desired state, the AUTH token in a
/// Secrets Manager secret the operator owns (generated once and read back on every later create, so a retry
/// after a crash sends the same token), the builder's create calls, and removing the subnet group,
/// parameter group and secret once the cache is gone.
/// </summary>
public sealed class CacheSetup(IElastiCacheClient elastiCache, ISecretsManagerClient secrets, DataServicesOptions options)
{
    private readonly GeneratedCredential _credential = new(secrets);

    public static DesiredState Build(ManagedResourceContext<ManagedCache> context, string? authToken, ConnectionEndpoints endpoints) =>
        ManagedCacheBuilder.Build(context.Resource, context.Build, new FixedToken(authToken ?? ""), endpoints);

    /// <summary>The AUTH token, generating and storing it first when the secret does not exist yet; null when AUTH is off.</summary>
    public async Task<string?> EnsureAuthTokenAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        if (!EffectiveCache.AuthEnabled(context.Resource.Spec))
        {
            return null;
        }
        return await _credential.EnsureAsync(AuthTokenSecretName(context), () =>
        {
            var generated = new RandomSecretSource();
            var create = ManagedCacheBuilder.Build(context.Resource, context.Build, generated).AwsCalls.Single(call => call.Operation == "CreateSecret");
            return (create, generated.Get(context.Identity, SecretPurposes.AuthToken, SecretPurposes.GeneratedLength, asciiSymbols: false));
        }, "AuthTokenSecretMissing", cancellationToken);
    }

    /// <summary>The AUTH token secret's ARN and token, or null when it does not exist.</summary>
    public async Task<(string? Arn, string Token)?> ReadAuthTokenAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        await _credential.ReadAsync(AuthTokenSecretName(context), cancellationToken);

    /// <summary>Runs the builder's ElastiCache calls that <paramref name="include"/> selects, in order; "already exists" means an earlier attempt made it.</summary>
    public Task CreateAsync(DesiredState desired, Func<AwsCall, bool> include, CancellationToken cancellationToken) =>
        AwsCallSteps.CreateAllAsync(desired.AwsCalls.Where(call => call.Service == AwsCallList.ElastiCache && include(call)), InvokeAsync, cancellationToken);

    /// <summary>Sends the builder's ModifyCacheParameterGroup (maxmemory-policy) again, e.g. after evictionPolicy changed.</summary>
    public Task ApplyParametersAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        CreateAsync(Build(context, null, ConnectionEndpoints.None), call => call.Operation == "ModifyCacheParameterGroup", cancellationToken);

    /// <summary>Once the cache is gone: its subnet group, parameter group and (under Delete) AUTH token secret.</summary>
    public Task RemoveLeftoversAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var policy = ManagedCacheKind.Policy(context.Resource);
        return AwsCallSteps.UndoAllAsync(Build(context, null, ConnectionEndpoints.None).AwsCalls, (call, token) => call.Operation switch
        {
            "CreateCacheSubnetGroup" => elastiCache.DeleteCacheSubnetGroupAsync(new DeleteCacheSubnetGroupRequest { CacheSubnetGroupName = call.Member("CacheSubnetGroupName") }, token),
            "CreateCacheParameterGroup" => elastiCache.DeleteCacheParameterGroupAsync(new DeleteCacheParameterGroupRequest { CacheParameterGroupName = call.Member("CacheParameterGroupName") }, token),
            // Under Snapshot the secret stays: a cache restored from the final snapshot needs the same token.
            "CreateSecret" when policy == DeletionPolicy.Delete => secrets.DeleteSecretAsync(new DeleteSecretRequest { SecretId = call.Member("Name"), RecoveryWindowInDays = options.SecretRecoveryWindowDays }, token),
            _ => null,
        }, cancellationToken);
    }

    private static string AuthTokenSecretName(ManagedResourceContext<ManagedCache> context) =>
        AwsNames.SecretName(context.Build.ClusterName, context.Identity, MasterCredentials.CachePurpose);

    private Task InvokeAsync(AwsCall call, CancellationToken cancellationToken) => call.Operation switch
    {
        "CreateCacheSubnetGroup" => elastiCache.CreateCacheSubnetGroupAsync(call.Request<CreateCacheSubnetGroupRequest>(), cancellationToken),
        "CreateCacheParameterGroup" => elastiCache.CreateCacheParameterGroupAsync(call.Request<CreateCacheParameterGroupRequest>(), cancellationToken),
        "ModifyCacheParameterGroup" => elastiCache.ModifyCacheParameterGroupAsync(call.Request<ModifyCacheParameterGroupRequest>(), cancellationToken),
        "CreateReplicationGroup" => elastiCache.CreateReplicationGroupAsync(call.Request<CreateReplicationGroupRequest>(), cancellationToken),
        _ => throw new InvalidOperationException($"ElastiCache {call.Operation} is not a create step of a replication group"),
    };

    /// <summary>Gives the builder the AUTH token kept in Secrets Manager.</summary>
    private sealed class FixedToken(string token) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) => token;
    }
}
