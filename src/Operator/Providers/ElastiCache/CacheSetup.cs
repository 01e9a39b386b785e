using System.Collections.Concurrent;
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
/// What every AWS cache needs besides the cache itself: the clients of its region, the builder's desired state,
/// the AUTH token in a Secrets Manager secret the operator owns (generated once and read back on every later
/// create, so a retry after a crash sends the same token), the builder's create calls, and removing the subnet
/// group, parameter group, user group, user and secret once the cache is gone.
/// </summary>
public sealed class CacheSetup(IAwsClientFactory clients, DataServicesOptions options)
{
    private readonly GeneratedCredential _credential = new(clients);

    /// <summary>Caches whose tags name this owner, by ARN: ownership tags never change, so drift checks skip ListTagsForResource.</summary>
    private readonly ConcurrentDictionary<string, bool> _confirmedOwner = new(StringComparer.Ordinal);

    public static DesiredState Build(ManagedResourceContext<ManagedCache> context, string? authToken, ConnectionEndpoints endpoints) =>
        ManagedCacheBuilder.Build(context.Resource, context.Build, new FixedToken(authToken ?? ""), endpoints);

    /// <summary>The region the cache lives in (spec.region, else the operator's default).</summary>
    public static string Region(ManagedResourceContext<ManagedCache> context) => EffectiveCache.Region(context.Resource.Spec, context.Build);

    /// <summary>The ElastiCache client of the cache's region.</summary>
    public IElastiCacheClient ElastiCache(ManagedResourceContext<ManagedCache> context) => clients.ForRegion(Region(context)).ElastiCache;

    /// <summary>
    /// Who the ownership tags of the cache (replication group or serverless cache) with this ARN name, with the tags
    /// when they were read now; a confirmed owner is remembered until a fresh read, which reads the tags again.
    /// </summary>
    public async Task<CacheOwnership> OwnerAsync(string? arn, ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        if (arn is null)
        {
            return new CacheOwnership(TaggedOwner.Nobody, null);
        }
        if (!context.FreshRead && _confirmedOwner.ContainsKey(arn))
        {
            return new CacheOwnership(TaggedOwner.ThisOwner, null);
        }
        var tags = await ListTagsAsync(arn, context, cancellationToken);
        var owner = context.OwnerOf(tags);
        if (owner == TaggedOwner.ThisOwner)
        {
            _confirmedOwner[arn] = true;
        }
        else
        {
            _confirmedOwner.TryRemove(arn, out _);
        }
        return new CacheOwnership(owner, tags);
    }

    /// <summary>How the cache's tags must change to match the ownership tags and <c>spec.tags</c>.</summary>
    public static TagChanges TagChangesFor(ManagedResourceContext<ManagedCache> context, IReadOnlyList<AwsTag> live) =>
        TagChanges.Between(OwnershipTags.For(context.Build.ClusterName, context.Identity, context.Resource.Spec.Tags), live);

    /// <summary>Sets the cache's missing or changed tags and removes those the spec no longer names.</summary>
    public async Task SyncTagsAsync(string arn, ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        await TagChangesFor(context, await ListTagsAsync(arn, context, cancellationToken)).ApplyAsync(
            set => ElastiCache(context).AddTagsToResourceAsync(new AddTagsToResourceRequest { ResourceName = arn, Tags = TagChanges.AsAwsTags(set) }, cancellationToken),
            remove => ElastiCache(context).RemoveTagsFromResourceAsync(new RemoveTagsFromResourceRequest { ResourceName = arn, TagKeys = remove }, cancellationToken));

    /// <summary>The AUTH token, generating and storing it first when the secret does not exist yet; null when AUTH is off.</summary>
    public async Task<string?> EnsureAuthTokenAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        if (!EffectiveCache.AuthEnabled(context.Resource.Spec))
        {
            return null;
        }
        return await _credential.EnsureAsync(Region(context), AuthTokenSecretName(context), () =>
        {
            var generated = new RandomSecretSource();
            var create = ManagedCacheBuilder.Build(context.Resource, context.Build, generated).AwsCalls.Single(call => call.Operation == "CreateSecret");
            return (create, generated.Get(context.Identity, SecretPurposes.AuthToken, SecretPurposes.GeneratedLength, asciiSymbols: false));
        }, "AuthTokenSecretMissing", cancellationToken);
    }

    /// <summary>The AUTH token secret's ARN and token, or null when it does not exist.</summary>
    public async Task<(string? Arn, string Token)?> ReadAuthTokenAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        await _credential.ReadAsync(Region(context), AuthTokenSecretName(context), cancellationToken);

    /// <summary>Runs the builder's ElastiCache calls that <paramref name="include"/> selects, in order; "already exists" means an earlier attempt made it.</summary>
    public Task CreateAsync(ManagedResourceContext<ManagedCache> context, DesiredState desired, Func<AwsCall, bool> include, CancellationToken cancellationToken)
    {
        var elastiCache = ElastiCache(context);
        return AwsCallSteps.CreateAllAsync(
            desired.AwsCalls.Where(call => call.Service == AwsCallList.ElastiCache && include(call)),
            (call, token) => InvokeAsync(elastiCache, call, token),
            cancellationToken);
    }

    /// <summary>Sends the builder's ModifyCacheParameterGroup (maxmemory-policy) again, e.g. after evictionPolicy changed.</summary>
    public Task ApplyParametersAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        CreateAsync(context, Build(context, null, ConnectionEndpoints.None), call => call.Operation == "ModifyCacheParameterGroup", cancellationToken);

    /// <summary>The user group AUTH goes through on a serverless cache, or null when it does not exist.</summary>
    public async Task<UserGroup?> FindUserGroupAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        try
        {
            var groups = await ElastiCache(context).DescribeUserGroupsAsync(new DescribeUserGroupsRequest { UserGroupId = UserGroupId(context) }, cancellationToken);
            return groups.UserGroups?.FirstOrDefault();
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes the serverless cache's user group once the cache is gone; true when no user group is left. Its user
    /// is deleted only after that (<see cref="RemoveLeftoversAsync"/>), as a user group must always hold a "default" user.
    /// </summary>
    public async Task<bool> RemoveUserGroupAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var group = await FindUserGroupAsync(context, cancellationToken);
        if (group is null)
        {
            return true;
        }
        if (group.Status != "deleting")
        {
            try
            {
                await ElastiCache(context).DeleteUserGroupAsync(new DeleteUserGroupRequest { UserGroupId = UserGroupId(context) }, cancellationToken);
            }
            catch (AwsServiceException gone) when (gone.IsNotFound)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Once the cache is gone: its subnet group, parameter group, AUTH user and (under Delete) AUTH token secret.</summary>
    public Task RemoveLeftoversAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var policy = ManagedCacheKind.Policy(context.Resource);
        var region = clients.ForRegion(Region(context));
        return AwsCallSteps.UndoAllAsync(Build(context, null, ConnectionEndpoints.None).AwsCalls, (call, token) => call.Operation switch
        {
            "CreateCacheSubnetGroup" => region.ElastiCache.DeleteCacheSubnetGroupAsync(new DeleteCacheSubnetGroupRequest { CacheSubnetGroupName = call.Member("CacheSubnetGroupName") }, token),
            "CreateCacheParameterGroup" => region.ElastiCache.DeleteCacheParameterGroupAsync(new DeleteCacheParameterGroupRequest { CacheParameterGroupName = call.Member("CacheParameterGroupName") }, token),
            "CreateUser" => region.ElastiCache.DeleteUserAsync(new DeleteUserRequest { UserId = call.Member("UserId") }, token),
            // Under Snapshot the secret stays: a cache restored from the final snapshot needs the same token.
            "CreateSecret" when policy == DeletionPolicy.Delete => SecretDeletion.ScheduleAsync(region.SecretsManager, call.Member("Name"), options.SecretRecoveryWindowDays, token),
            _ => null,
        }, cancellationToken);
    }

    private static string AuthTokenSecretName(ManagedResourceContext<ManagedCache> context) =>
        AwsNames.SecretName(context.Build.ClusterName, context.Identity, MasterCredentials.CachePurpose);

    private static string UserGroupId(ManagedResourceContext<ManagedCache> context) =>
        AwsNames.CacheUserGroupId(context.Build.ClusterName, context.Identity);

    private static Task InvokeAsync(IElastiCacheClient elastiCache, AwsCall call, CancellationToken cancellationToken) => call.Operation switch
    {
        "CreateCacheSubnetGroup" => elastiCache.CreateCacheSubnetGroupAsync(call.Request<CreateCacheSubnetGroupRequest>(), cancellationToken),
        "CreateCacheParameterGroup" => elastiCache.CreateCacheParameterGroupAsync(call.Request<CreateCacheParameterGroupRequest>(), cancellationToken),
        "ModifyCacheParameterGroup" => elastiCache.ModifyCacheParameterGroupAsync(call.Request<ModifyCacheParameterGroupRequest>(), cancellationToken),
        "CreateReplicationGroup" => elastiCache.CreateReplicationGroupAsync(call.Request<CreateReplicationGroupRequest>(), cancellationToken),
        "CreateUser" => elastiCache.CreateUserAsync(call.Request<CreateUserRequest>(), cancellationToken),
        "CreateUserGroup" => elastiCache.CreateUserGroupAsync(call.Request<CreateUserGroupRequest>(), cancellationToken),
        "CreateServerlessCache" => elastiCache.CreateServerlessCacheAsync(call.Request<CreateServerlessCacheRequest>(), cancellationToken),
        _ => throw new InvalidOperationException($"ElastiCache {call.Operation} is not a create step of a cache"),
    };

    /// <summary>Gives the builder the AUTH token kept in Secrets Manager.</summary>
    private sealed class FixedToken(string token) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) => token;
    }

    private async Task<IReadOnlyList<AwsTag>> ListTagsAsync(string arn, ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        (await ElastiCache(context).ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = arn }, cancellationToken)).TagList ?? [];
}
