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
    public async Task CreateAsync(DesiredState desired, Func<AwsCall, bool> include, CancellationToken cancellationToken)
    {
        foreach (var call in desired.AwsCalls.Where(call => call.Service == AwsCallList.ElastiCache && include(call)))
        {
            try
            {
                await InvokeAsync(call, cancellationToken);
            }
            catch (AwsServiceException exists) when (exists.IsAlreadyExists)
            {
                // Deterministic names: the resource is the one an earlier attempt created; observe checks its tags.
            }
        }
    }

    /// <summary>Sends the builder's ModifyCacheParameterGroup (maxmemory-policy) again, e.g. after evictionPolicy changed.</summary>
    public Task ApplyParametersAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        CreateAsync(Build(context, null, ConnectionEndpoints.None), call => call.Operation == "ModifyCacheParameterGroup", cancellationToken);

    /// <summary>Once the cache is gone: its subnet group, parameter group and (under Delete) AUTH token secret.</summary>
    public async Task RemoveLeftoversAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var policy = ManagedCacheKind.Policy(context.Resource);
        foreach (var call in Build(context, null, ConnectionEndpoints.None).AwsCalls)
        {
            try
            {
                switch (call.Operation)
                {
                    case "CreateCacheSubnetGroup":
                        await elastiCache.DeleteCacheSubnetGroupAsync(new DeleteCacheSubnetGroupRequest { CacheSubnetGroupName = Text(call, "CacheSubnetGroupName") }, cancellationToken);
                        break;
                    case "CreateCacheParameterGroup":
                        await elastiCache.DeleteCacheParameterGroupAsync(new DeleteCacheParameterGroupRequest { CacheParameterGroupName = Text(call, "CacheParameterGroupName") }, cancellationToken);
                        break;
                    case "CreateSecret" when policy == DeletionPolicy.Delete:
                        // Under Snapshot the secret stays: a cache restored from the final snapshot needs the same token.
                        await secrets.DeleteSecretAsync(new DeleteSecretRequest { SecretId = Text(call, "Name"), RecoveryWindowInDays = options.SecretRecoveryWindowDays }, cancellationToken);
                        break;
                }
            }
            catch (AwsServiceException gone) when (gone.IsNotFound)
            {
                // Never created, or already removed.
            }
        }
    }

    public static TaggedOwner OwnerOf(IEnumerable<AwsTag> tags, ManagedResourceContext<ManagedCache> context) =>
        OwnershipTags.Classify(tags.Select(tag => new KeyValuePair<string, string>(tag.Key, tag.Value ?? "")), context.Build.ClusterName, context.Identity);

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

    private static string Text(AwsCall call, string member) => call.Parameters[member]!.GetValue<string>();


    /// <summary>Gives the builder the AUTH token kept in Secrets Manager.</summary>
    private sealed class FixedToken(string token) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) => token;
    }
}
