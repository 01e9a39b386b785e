using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.ElastiCache;

/// <summary>
/// ManagedCache as an ElastiCache replication group (standalone, replicated or cluster mode). Create runs the
/// builder's calls in order (subnet group, parameter group with maxmemory-policy, AUTH token secret,
/// replication group), each idempotent by its deterministic name. Stable caches are observed from
/// <see cref="ReplicationGroupCache"/>; replica counts change through Increase/DecreaseReplicaCount, node type
/// and snapshot settings through ModifyReplicationGroup, the eviction policy through the parameter group.
/// </summary>
public sealed class ManagedCacheReplicationGroupClient : IExternalClient<ManagedCache>
{
    /// <summary>States in which the group serves connections and accepts changes.</summary>
    private static readonly HashSet<string> UsableStates = new(StringComparer.Ordinal) { "available", "snapshotting" };

    private static readonly IReadOnlySet<string> CreateSteps = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateCacheSubnetGroup", "CreateCacheParameterGroup", "ModifyCacheParameterGroup", "CreateReplicationGroup",
    };

    /// <summary>The difference name for a spec change that may have changed evictionPolicy.</summary>
    private const string ParametersDifference = "evictionPolicy";

    private readonly ReplicationGroupCache _groups;
    private readonly CacheSetup _setup;

    public ManagedCacheReplicationGroupClient(ReplicationGroupCache groups, CacheSetup setup)
    {
        _groups = groups;
        _setup = setup;
    }

    public async Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var resource = context.Resource;
        var spec = resource.Spec;
        var group = await _groups.FindAsync(CacheSetup.Region(context), GroupId(context), context.FreshRead, cancellationToken);
        if (group is null)
        {
            // While the object is being deleted, the subnet group, parameter group and token secret may still need cleaning up: Delete does that.
            return resource.Metadata.DeletionTimestamp is null ? ExternalObservation.Absent : new ExternalObservation { Exists = true, State = "deleted" };
        }
        var ownership = await _setup.OwnerAsync(group.ARN, context, cancellationToken);
        if (ownership.Owner != TaggedOwner.ThisOwner)
        {
            return new ExternalObservation { Exists = true, Owner = ownership.Owner };
        }

        var state = group.Status ?? "unknown";
        var usable = UsableStates.Contains(state);
        var differences = usable ? Differences(resource, group) : [];
        if (usable && ownership.Tags is { } tags && !CacheSetup.TagChangesFor(context, tags).IsEmpty)
        {
            differences.Add(TagChanges.Difference);
        }
        var status = new JsonObject
        {
            ["arn"] = group.ARN,
            ["externalName"] = group.ReplicationGroupId,
            ["engineVersion"] = EffectiveCache.Version(spec),
            ["connectionSecretName"] = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, context.Identity.Name),
        };
        IReadOnlyList<JsonObject>? publish = null;
        var endpoints = Endpoints(spec, group);
        if (endpoints is not null)
        {
            var port = endpoints.Port ?? EffectiveCache.Port;
            var host = endpoints.ConfigurationHost ?? endpoints.Host!;
            status["endpoint"] = new JsonObject { ["host"] = host, ["port"] = port };
            if (endpoints.ReaderHost is { } readerHost)
            {
                status["readerEndpoint"] = new JsonObject { ["host"] = readerHost, ["port"] = port };
            }
            var recorded = resource.Status;
            if (context.FreshRead || recorded?.Endpoint?.Host != host || recorded.Endpoint.Port != port || recorded.ReaderEndpoint?.Host != endpoints.ReaderHost)
            {
                string? token = null;
                if (EffectiveCache.AuthEnabled(spec))
                {
                    var secret = await _setup.ReadAuthTokenAsync(context, cancellationToken)
                        ?? throw new ExternalResourceException("AuthTokenSecretMissing", $"the Secrets Manager secret holding the AUTH token of {group.ReplicationGroupId} is missing");
                    status["authTokenSecretArn"] = secret.Arn;
                    token = secret.Token;
                }
                publish = CacheSetup.Build(context, token, endpoints).Objects;
            }
        }
        if (!context.FreshRead && (differences.Count > 0 || !usable || endpoints is null))
        {
            // The drift listing may predate a change this operator just made: confirm with a fresh read before acting.
            return await ObserveAsync(context with { FreshRead = true }, cancellationToken);
        }
        return new ExternalObservation
        {
            Exists = true,
            State = state,
            // Usable but without endpoints yet (a replica still joining): no connection Secret can be published, so not Ready.
            Transitioning = !usable || endpoints is null,
            UpToDate = differences.Count == 0,
            Differences = differences,
            Publish = publish,
            StatusFields = status,
        };
    }

    public async Task CreateAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var token = await _setup.EnsureAuthTokenAsync(context, cancellationToken);
        await _setup.CreateAsync(context, CacheSetup.Build(context, token, ConnectionEndpoints.None), call => CreateSteps.Contains(call.Operation), cancellationToken);
    }

    /// <summary>
    /// One change per call: each puts the group into "modifying", and the reconciler looks again once it is
    /// available, so the next difference is applied against the settled group.
    /// </summary>
    public async Task UpdateAsync(ManagedResourceContext<ManagedCache> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var group = await _groups.FindAsync(CacheSetup.Region(context), GroupId(context), fresh: true, cancellationToken);
        if (group is null || !UsableStates.Contains(group.Status ?? ""))
        {
            return;
        }
        var spec = context.Resource.Spec;
        if (observed.Differences.Contains(TagChanges.Difference))
        {
            await _setup.SyncTagsAsync(group.ARN!, context, cancellationToken);
        }
        var differences = Differences(context.Resource, group);
        if (differences.Contains(ParametersDifference))
        {
            await _setup.ApplyParametersAsync(context, cancellationToken);
        }
        var replicas = EffectiveCache.ReplicasPerShard(spec);
        if (differences.Contains("replicasPerShard"))
        {
            if (replicas > CurrentReplicas(group))
            {
                await _setup.ElastiCache(context).IncreaseReplicaCountAsync(new IncreaseReplicaCountRequest { ReplicationGroupId = group.ReplicationGroupId!, NewReplicaCount = replicas, ApplyImmediately = true }, cancellationToken);
            }
            else
            {
                await _setup.ElastiCache(context).DecreaseReplicaCountAsync(new DecreaseReplicaCountRequest { ReplicationGroupId = group.ReplicationGroupId!, NewReplicaCount = replicas, ApplyImmediately = true }, cancellationToken);
            }
            return;
        }
        if (differences.Any(difference => difference is "nodeType" or "snapshot.retentionDays" or "snapshot.window"))
        {
            await _setup.ElastiCache(context).ModifyReplicationGroupAsync(new ModifyReplicationGroupRequest
            {
                ReplicationGroupId = group.ReplicationGroupId!,
                CacheNodeType = differences.Contains("nodeType") ? EffectiveCache.NodeType(spec) : null,
                SnapshotRetentionLimit = differences.Contains("snapshot.retentionDays") ? EffectiveCache.SnapshotRetentionDays(spec) : null,
                SnapshotWindow = differences.Contains("snapshot.window") ? spec.Snapshot?.Window : null,
                ApplyImmediately = true,
            }, cancellationToken);
        }
    }

    public async Task<bool> DeleteAsync(ManagedResourceContext<ManagedCache> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var group = await _groups.FindAsync(CacheSetup.Region(context), GroupId(context), fresh: true, cancellationToken);
        if (group is not null)
        {
            // ElastiCache deletes only a settled group; one still creating or modifying is deleted once it settles.
            if (UsableStates.Contains(group.Status ?? ""))
            {
                var request = ManagedCacheKind.Policy(context.Resource) == DeletionPolicy.Snapshot
                    ? new DeleteReplicationGroupRequest { ReplicationGroupId = group.ReplicationGroupId!, FinalSnapshotIdentifier = AwsNames.CacheFinalSnapshotName(context.Build.ClusterName, context.Identity) }
                    : new DeleteReplicationGroupRequest { ReplicationGroupId = group.ReplicationGroupId! };
                try
                {
                    await _setup.ElastiCache(context).DeleteReplicationGroupAsync(request, cancellationToken);
                }
                catch (AwsServiceException gone) when (gone.IsNotFound)
                {
                    // Deleted meanwhile.
                }
            }
            return false;
        }

        // The group is gone: remove what only it used.
        await _setup.RemoveLeftoversAsync(context, cancellationToken);
        return true;
    }

    /// <summary>
    /// Mutable settings that differ, by spec field. The parameter group's values are not read back (one
    /// more call per cache per cycle); instead any new generation re-applies maxmemory-policy, which is idempotent.
    /// </summary>
    private static List<string> Differences(ManagedCache resource, ReplicationGroup group)
    {
        var spec = resource.Spec;
        var differences = new List<string>();
        if (resource.Metadata.Generation is { } generation && resource.Status?.ObservedGeneration is { } observedGeneration && generation != observedGeneration)
        {
            differences.Add(ParametersDifference);
        }
        if (group.CacheNodeType is { } nodeType && nodeType != EffectiveCache.NodeType(spec))
        {
            differences.Add("nodeType");
        }
        if (group.NodeGroups is { Count: > 0 } && CurrentReplicas(group) != EffectiveCache.ReplicasPerShard(spec))
        {
            differences.Add("replicasPerShard");
        }
        if (group.SnapshotRetentionLimit is { } retention && retention != EffectiveCache.SnapshotRetentionDays(spec))
        {
            differences.Add("snapshot.retentionDays");
        }
        if (spec.Snapshot?.Window is { } window && group.SnapshotWindow is { } currentWindow && currentWindow != window)
        {
            differences.Add("snapshot.window");
        }
        return differences;
    }

    /// <summary>Replicas of the smallest shard: a shard short of replicas is what IncreaseReplicaCount fixes.</summary>
    private static int CurrentReplicas(ReplicationGroup group) =>
        group.NodeGroups!.Min(nodeGroup => Math.Max(0, (nodeGroup.NodeGroupMembers?.Count ?? 1) - 1));

    /// <summary>Where clients connect, once AWS has assigned it: the configuration endpoint in cluster mode, else the primary (and reader) endpoint.</summary>
    private static ConnectionEndpoints? Endpoints(ManagedCacheSpec spec, ReplicationGroup group)
    {
        if (EffectiveCache.Mode(spec) == CacheMode.Cluster)
        {
            return group.ConfigurationEndpoint is { Address: { } configuration } endpoint
                ? new ConnectionEndpoints { ConfigurationHost = configuration, Port = endpoint.Port }
                : null;
        }
        var nodeGroup = group.NodeGroups?.FirstOrDefault();
        if (nodeGroup?.PrimaryEndpoint is not { Address: { } primary } primaryEndpoint)
        {
            return null;
        }
        var readerHost = EffectiveCache.ReplicasPerShard(spec) > 0 ? nodeGroup.ReaderEndpoint?.Address : null;
        if (EffectiveCache.ReplicasPerShard(spec) > 0 && readerHost is null)
        {
            return null;
        }
        return new ConnectionEndpoints { Host = primary, Port = primaryEndpoint.Port, ReaderHost = readerHost };
    }

    private static string GroupId(ManagedResourceContext<ManagedCache> context) =>
        AwsNames.CacheReplicationGroupId(context.Build.ClusterName, context.Identity);
}
