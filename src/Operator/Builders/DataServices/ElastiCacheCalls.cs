using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>The ElastiCache and Secrets Manager calls that create a ManagedCache on AWS.</summary>
internal static class ElastiCacheCalls
{
    /// <summary>The user every Redis/Valkey connection authenticates as when it sends AUTH &lt;token&gt; alone.</summary>
    public const string DefaultUser = "default";

    /// <summary>Full access for the AUTH token's user: the token guards the cache as a whole, as on a replication group.</summary>
    private const string FullAccess = "on ~* &* +@all";

    public static IReadOnlyList<AwsCall> For(DataServiceIdentity identity, ManagedCacheSpec spec, BuildContext context, string? authToken)
    {
        var owner = identity.Owner;
        var calls = new AwsCallList(owner, EffectiveCache.Region(spec, context));
        var tags = OwnershipTags.For(context.ClusterName, owner, spec.Tags);
        var description = $"Skyforge ManagedCache {owner.Key}";
        if (EffectiveCache.Mode(spec) == CacheMode.Serverless)
        {
            AddServerless(calls, spec, context, owner, description, authToken, tags);
        }
        else
        {
            AddReplicationGroup(calls, spec, context, owner, description, authToken, tags);
        }
        return calls.Calls;
    }

    private static void AddReplicationGroup(AwsCallList calls, ManagedCacheSpec spec, BuildContext context, ResourceIdentity owner, string description, string? authToken, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var mode = EffectiveCache.Mode(spec);
        string? subnetGroupName = spec.Network?.SubnetGroupName;
        if (spec.Network?.SubnetIds is { Count: > 0 } subnetIds)
        {
            subnetGroupName = AwsNames.CacheSubnetGroupName(context.ClusterName, owner);
            calls.Add(AwsCallList.ElastiCache, "CreateCacheSubnetGroup", new JsonObject
            {
                ["CacheSubnetGroupName"] = subnetGroupName,
                ["CacheSubnetGroupDescription"] = description,
                ["SubnetIds"] = JsonParts.Strings(subnetIds),
                ["Tags"] = OwnershipTags.ToTagList(tags),
            });
        }

        var family = EffectiveCache.ParameterGroupFamily(spec);
        var parameterGroupName = AwsNames.CacheParameterGroupName(context.ClusterName, owner, family);
        calls.Add(AwsCallList.ElastiCache, "CreateCacheParameterGroup", new JsonObject
        {
            ["CacheParameterGroupName"] = parameterGroupName,
            ["CacheParameterGroupFamily"] = family,
            ["Description"] = description,
            ["Tags"] = OwnershipTags.ToTagList(tags),
        });
        var parameters = new JsonArray(Parameter("maxmemory-policy", EffectiveCache.EvictionPolicy(spec)));
        if (mode == CacheMode.Cluster)
        {
            // A family's parameter group starts with cluster mode off; cluster mode needs it on.
            parameters.Add(Parameter("cluster-enabled", "yes"));
        }
        calls.Add(AwsCallList.ElastiCache, "ModifyCacheParameterGroup", new JsonObject
        {
            ["CacheParameterGroupName"] = parameterGroupName,
            ["ParameterNameValues"] = parameters,
        });

        if (authToken is not null)
        {
            calls.Add(AwsCallList.SecretsManager, "CreateSecret", MasterCredentials.CreateSecret(
                context, owner, MasterCredentials.CachePurpose, $"AUTH token of {description}", DefaultUser, authToken, tags));
        }

        var replicas = EffectiveCache.ReplicasPerShard(spec);
        var group = new JsonObject
        {
            ["ReplicationGroupId"] = AwsNames.CacheReplicationGroupId(context.ClusterName, owner),
            ["ReplicationGroupDescription"] = description,
            ["Engine"] = EffectiveCache.EngineName(spec),
            ["EngineVersion"] = EffectiveCache.Version(spec),
            ["CacheNodeType"] = EffectiveCache.NodeType(spec),
        };
        if (mode == CacheMode.Cluster)
        {
            group["ClusterMode"] = "enabled";
            group["NumNodeGroups"] = EffectiveCache.Shards(spec);
            group["ReplicasPerNodeGroup"] = replicas;
        }
        else
        {
            group["NumCacheClusters"] = 1 + replicas;
        }
        group["AutomaticFailoverEnabled"] = EffectiveCache.AutomaticFailover(spec);
        group["MultiAZEnabled"] = EffectiveCache.MultiAz(spec);
        group["CacheParameterGroupName"] = parameterGroupName;
        group["CacheSubnetGroupName"] = subnetGroupName;
        group["SecurityGroupIds"] = JsonParts.StringsOrNull(spec.Network?.SecurityGroupIds);
        group["AtRestEncryptionEnabled"] = EffectiveCache.EncryptionAtRest(spec);
        group["TransitEncryptionEnabled"] = EffectiveCache.EncryptionInTransit(spec);
        group["AuthToken"] = authToken;
        group["SnapshotRetentionLimit"] = EffectiveCache.SnapshotRetentionDays(spec);
        group["SnapshotWindow"] = spec.Snapshot?.Window;
        group["Tags"] = OwnershipTags.ToTagList(tags);
        calls.Add(AwsCallList.ElastiCache, "CreateReplicationGroup", group);
    }

    /// <summary>
    /// A serverless cache takes no AUTH token; its access control is a user group, so the token becomes
    /// the password of a user named "default" — what a client authenticates as when it sends AUTH
    /// &lt;token&gt;, exactly as against a replication group. Serverless caches always encrypt and choose
    /// their own eviction, so they get no parameter group.
    /// </summary>
    private static void AddServerless(AwsCallList calls, ManagedCacheSpec spec, BuildContext context, ResourceIdentity owner, string description, string? authToken, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var engine = EffectiveCache.EngineName(spec);
        string? userGroupId = null;
        if (authToken is not null)
        {
            calls.Add(AwsCallList.SecretsManager, "CreateSecret", MasterCredentials.CreateSecret(
                context, owner, MasterCredentials.CachePurpose, $"AUTH token of {description}", DefaultUser, authToken, tags));
            var userId = AwsNames.CacheUserId(context.ClusterName, owner);
            calls.Add(AwsCallList.ElastiCache, "CreateUser", new JsonObject
            {
                ["UserId"] = userId,
                ["UserName"] = DefaultUser,
                ["Engine"] = engine,
                ["Passwords"] = new JsonArray(authToken),
                ["AccessString"] = FullAccess,
                ["Tags"] = OwnershipTags.ToTagList(tags),
            });
            userGroupId = AwsNames.CacheUserGroupId(context.ClusterName, owner);
            calls.Add(AwsCallList.ElastiCache, "CreateUserGroup", new JsonObject
            {
                ["UserGroupId"] = userGroupId,
                ["Engine"] = engine,
                ["UserIds"] = new JsonArray(userId),
                ["Tags"] = OwnershipTags.ToTagList(tags),
            });
        }

        var limits = spec.Serverless;
        JsonObject? usageLimits = null;
        if (limits?.MaxDataStorageGiB is not null || limits?.MaxEcpuPerSecond is not null)
        {
            usageLimits = JsonParts.Compact(new JsonObject
            {
                ["DataStorage"] = limits.MaxDataStorageGiB is { } storage ? new JsonObject { ["Maximum"] = storage, ["Unit"] = "GB" } : null,
                ["ECPUPerSecond"] = limits.MaxEcpuPerSecond is { } ecpu ? new JsonObject { ["Maximum"] = ecpu } : null,
            });
        }
        calls.Add(AwsCallList.ElastiCache, "CreateServerlessCache", new JsonObject
        {
            ["ServerlessCacheName"] = AwsNames.ServerlessCacheName(context.ClusterName, owner),
            ["Description"] = description,
            ["Engine"] = engine,
            ["MajorEngineVersion"] = EffectiveCache.ServerlessMajorVersion(spec),
            ["CacheUsageLimits"] = usageLimits,
            ["SecurityGroupIds"] = JsonParts.StringsOrNull(spec.Network?.SecurityGroupIds),
            ["SubnetIds"] = JsonParts.StringsOrNull(spec.Network?.SubnetIds),
            ["UserGroupId"] = userGroupId,
            ["SnapshotRetentionLimit"] = EffectiveCache.SnapshotRetentionDays(spec),
            ["Tags"] = OwnershipTags.ToTagList(tags),
        });
    }

    private static JsonObject Parameter(string name, string value) => new() { ["ParameterName"] = name, ["ParameterValue"] = value };
}
