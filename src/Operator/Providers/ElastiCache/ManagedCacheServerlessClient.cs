using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.ElastiCache;

/// <summary>
/// ManagedCache mode serverless as an ElastiCache serverless cache. With AUTH on, the token (kept in Secrets
/// Manager) is the password of an ElastiCache user named "default" in a user group the cache is attached to,
/// so clients authenticate with AUTH &lt;token&gt; exactly as against a replication group. Create makes the user,
/// then the user group, and the cache once the group is active, each idempotent by its deterministic name.
/// Stable caches are observed from <see cref="ServerlessCacheCache"/>; usage limits, snapshot retention and
/// security groups change through ModifyServerlessCache. Delete removes the cache (with a final snapshot under
/// Snapshot), then the user group, then the user.
/// </summary>
public sealed class ManagedCacheServerlessClient : IExternalClient<ManagedCache>
{
    private const string Available = "available";

    /// <summary>States from which ElastiCache accepts DeleteServerlessCache.</summary>
    private static readonly HashSet<string> DeletableStates = new(StringComparer.Ordinal) { Available, "create-failed" };

    private const string UserGroupActive = "active";

    private readonly ServerlessCacheCache _caches;
    private readonly CacheSetup _setup;

    public ManagedCacheServerlessClient(ServerlessCacheCache caches, CacheSetup setup)
    {
        _caches = caches;
        _setup = setup;
    }

    public async Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var resource = context.Resource;
        var spec = resource.Spec;
        var cache = await _caches.FindAsync(CacheSetup.Region(context), CacheName(context), context.FreshRead, cancellationToken);
        if (cache is null)
        {
            // While the object is being deleted, the user group, user and token secret may still need cleaning up: Delete does that.
            return resource.Metadata.DeletionTimestamp is null ? ExternalObservation.Absent : new ExternalObservation { Exists = true, State = "deleted" };
        }
        var ownership = await _setup.OwnerAsync(cache.ARN, context, cancellationToken);
        if (ownership.Owner != TaggedOwner.ThisOwner)
        {
            return new ExternalObservation { Exists = true, Owner = ownership.Owner };
        }

        var state = cache.Status ?? "unknown";
        var usable = state == Available;
        var differences = usable ? Differences(spec, cache) : [];
        if (usable && ownership.Tags is { } tags && !CacheSetup.TagChangesFor(context, tags).IsEmpty)
        {
            differences.Add(TagChanges.Difference);
        }
        var status = new JsonObject
        {
            ["arn"] = cache.ARN,
            ["externalName"] = cache.ServerlessCacheName,
            ["engineVersion"] = cache.FullEngineVersion ?? cache.MajorEngineVersion ?? EffectiveCache.ServerlessMajorVersion(spec),
            ["connectionSecretName"] = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, context.Identity.Name),
        };
        IReadOnlyList<JsonObject>? publish = null;
        var endpoint = cache.Endpoint is { Address: { } host } assigned ? (Host: host, Port: assigned.Port ?? EffectiveCache.Port) : ((string Host, int Port)?)null;
        if (endpoint is { } primary)
        {
            status["endpoint"] = new JsonObject { ["host"] = primary.Host, ["port"] = primary.Port };
            if (cache.ReaderEndpoint is { Address: { } readerHost } reader)
            {
                // Reads go to another port of the same host name, so the reader endpoint is reported but not put in the Secret.
                status["readerEndpoint"] = new JsonObject { ["host"] = readerHost, ["port"] = reader.Port };
            }
            var recorded = resource.Status;
            if (context.FreshRead || recorded?.Endpoint?.Host != primary.Host || recorded.Endpoint.Port != primary.Port)
            {
                string? token = null;
                if (EffectiveCache.AuthEnabled(spec))
                {
                    var secret = await _setup.ReadAuthTokenAsync(context, cancellationToken)
                        ?? throw new ExternalResourceException("AuthTokenSecretMissing", $"the Secrets Manager secret holding the AUTH token of {cache.ServerlessCacheName} is missing");
                    status["authTokenSecretArn"] = secret.Arn;
                    token = secret.Token;
                }
                publish = CacheSetup.Build(context, token, new ConnectionEndpoints { Host = primary.Host, Port = primary.Port }).Objects;
            }
        }
        if (!context.FreshRead && (differences.Count > 0 || !usable || endpoint is null))
        {
            // The drift listing may predate a change this operator just made: confirm with a fresh read before acting.
            return await ObserveAsync(context with { FreshRead = true }, cancellationToken);
        }
        return new ExternalObservation
        {
            Exists = true,
            State = state,
            Transitioning = !usable || endpoint is null,
            UpToDate = differences.Count == 0,
            Differences = differences,
            Publish = publish,
            StatusFields = status,
        };
    }

    /// <summary>
    /// The AUTH token secret, user and user group first; the cache only once the user group is active (ElastiCache
    /// refuses a group still being created). Until then the reconciler finds no cache and calls again.
    /// </summary>
    public async Task CreateAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var token = await _setup.EnsureAuthTokenAsync(context, cancellationToken);
        var desired = CacheSetup.Build(context, token, ConnectionEndpoints.None);
        if (token is not null)
        {
            await _setup.CreateAsync(context, desired, call => call.Operation is "CreateUser" or "CreateUserGroup", cancellationToken);
            var group = await _setup.FindUserGroupAsync(context, cancellationToken);
            if (group?.Status != UserGroupActive)
            {
                return;
            }
        }
        await _setup.CreateAsync(context, desired, call => call.Operation == "CreateServerlessCache", cancellationToken);
    }

    /// <summary>Every differing setting in one ModifyServerlessCache; the cache is "modifying" until it has applied them.</summary>
    public async Task UpdateAsync(ManagedResourceContext<ManagedCache> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var cache = await _caches.FindAsync(CacheSetup.Region(context), CacheName(context), fresh: true, cancellationToken);
        if (cache?.Status != Available)
        {
            return;
        }
        var spec = context.Resource.Spec;
        if (observed.Differences.Contains(TagChanges.Difference))
        {
            await _setup.SyncTagsAsync(cache.ARN!, context, cancellationToken);
        }
        var differences = Differences(spec, cache);
        if (differences.Count == 0)
        {
            return;
        }
        var desired = CacheSetup.Build(context, null, ConnectionEndpoints.None).AwsCalls.Single(call => call.Operation == "CreateServerlessCache").Request<CreateServerlessCacheRequest>();
        await _setup.ElastiCache(context).ModifyServerlessCacheAsync(new ModifyServerlessCacheRequest
        {
            ServerlessCacheName = cache.ServerlessCacheName!,
            CacheUsageLimits = differences.Any(difference => difference.StartsWith("serverless.", StringComparison.Ordinal)) ? desired.CacheUsageLimits : null,
            SnapshotRetentionLimit = differences.Contains("snapshot.retentionDays") ? desired.SnapshotRetentionLimit : null,
            SecurityGroupIds = differences.Contains("network.securityGroupIds") ? desired.SecurityGroupIds : null,
        }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(ManagedResourceContext<ManagedCache> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var cache = await _caches.FindAsync(CacheSetup.Region(context), CacheName(context), fresh: true, cancellationToken);
        if (cache is not null)
        {
            // ElastiCache deletes only a settled cache; one still creating or modifying is deleted once it settles.
            if (DeletableStates.Contains(cache.Status ?? ""))
            {
                var request = ManagedCacheKind.Policy(context.Resource) == DeletionPolicy.Snapshot && cache.Status == Available
                    ? new DeleteServerlessCacheRequest { ServerlessCacheName = cache.ServerlessCacheName!, FinalSnapshotName = AwsNames.CacheFinalSnapshotName(context.Build.ClusterName, context.Identity) }
                    : new DeleteServerlessCacheRequest { ServerlessCacheName = cache.ServerlessCacheName! };
                try
                {
                    await _setup.ElastiCache(context).DeleteServerlessCacheAsync(request, cancellationToken);
                }
                catch (AwsServiceException gone) when (gone.IsNotFound)
                {
                    // Deleted meanwhile.
                }
            }
            return false;
        }

        // The cache is gone: its user group, then the user and token secret.
        if (!await _setup.RemoveUserGroupAsync(context, cancellationToken))
        {
            return false;
        }
        await _setup.RemoveLeftoversAsync(context, cancellationToken);
        return true;
    }

    /// <summary>Mutable settings that differ, by spec field; limits the spec leaves unset are not compared.</summary>
    private static List<string> Differences(ManagedCacheSpec spec, ServerlessCache cache)
    {
        var differences = new List<string>();
        var limits = cache.CacheUsageLimits;
        if (spec.Serverless?.MaxDataStorageGiB is { } storage && limits?.DataStorage?.Maximum != storage)
        {
            differences.Add("serverless.maxDataStorageGiB");
        }
        if (spec.Serverless?.MaxEcpuPerSecond is { } ecpu && limits?.ECPUPerSecond?.Maximum != ecpu)
        {
            differences.Add("serverless.maxEcpuPerSecond");
        }
        if (cache.SnapshotRetentionLimit is { } retention && retention != EffectiveCache.SnapshotRetentionDays(spec))
        {
            differences.Add("snapshot.retentionDays");
        }
        if (spec.Network?.SecurityGroupIds is { Count: > 0 } wanted && !wanted.ToHashSet(StringComparer.Ordinal).SetEquals(cache.SecurityGroupIds ?? []))
        {
            differences.Add("network.securityGroupIds");
        }
        return differences;
    }

    private static string CacheName(ManagedResourceContext<ManagedCache> context) =>
        AwsNames.ServerlessCacheName(context.Build.ClusterName, context.Identity);
}
