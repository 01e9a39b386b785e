using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.Rds;

/// <summary>
/// ManagedDatabase as an Aurora cluster (aurora-postgresql, aurora-mysql): the cluster, a writer instance and
/// `replicas` readers, with the master password in the operator's Secrets Manager secret. Readers are added
/// and removed to follow spec.replicas; the connection Secret carries the cluster and reader endpoints.
/// Deletion removes the members first, then the cluster (with a final cluster snapshot under Snapshot).
/// </summary>
public sealed class ManagedDatabaseAuroraClient : IExternalClient<ManagedDatabase>
{
    private static readonly IReadOnlySet<string> ClusterSteps = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateDBSubnetGroup", "CreateDBClusterParameterGroup", "ModifyDBClusterParameterGroup", "CreateDBCluster", "CreateDBInstance",
    };

    private readonly RdsClusterCache _clusters;
    private readonly RdsInstanceCache _instances;
    private readonly DatabaseSetup _setup;

    public ManagedDatabaseAuroraClient(RdsClusterCache clusters, RdsInstanceCache instances, DatabaseSetup setup)
    {
        _clusters = clusters;
        _instances = instances;
        _setup = setup;
    }

    public async Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken)
    {
        var resource = context.Resource;
        var spec = resource.Spec;
        var cluster = await _clusters.FindAsync(DatabaseSetup.Region(context), ClusterId(context), context.FreshRead, cancellationToken);
        if (cluster is null)
        {
            return resource.Metadata.DeletionTimestamp is null ? ExternalObservation.Absent : new ExternalObservation { Exists = true, State = "deleted" };
        }
        var tags = await _setup.TagsAsync(context, cluster.DBClusterArn!, cluster.TagList, cancellationToken);
        var owner = context.OwnerOf(tags);
        if (owner != TaggedOwner.ThisOwner)
        {
            return new ExternalObservation { Exists = true, Owner = owner };
        }

        var members = await MembersAsync(context, cluster, cancellationToken);
        var usable = cluster.Status == "available" && members.Present.All(member => ManagedDatabaseRdsClient.UsableStates.Contains(member.DBInstanceStatus ?? ""));
        var differences = new List<string>();
        if (members.Missing.Count > 0 || members.Extra.Count > 0)
        {
            differences.Add("replicas");
        }
        if (usable)
        {
            differences.AddRange(ClusterDifferences(spec, cluster).Keys);
            if (!DatabaseSetup.TagChangesFor(context, tags).IsEmpty
                || members.Present.Any(member => member.TagList is { } memberTags && !DatabaseSetup.TagChangesFor(context, memberTags).IsEmpty))
            {
                differences.Add(TagChanges.Difference);
            }
            if (members.Present.Any(member => member.DBInstanceClass != EffectiveDatabase.InstanceClass(spec)))
            {
                differences.Add("DBInstanceClass");
            }
        }

        var replicas = EffectiveDatabase.Replicas(spec);
        var port = cluster.Port ?? EffectiveDatabase.Port(spec);
        var status = new JsonObject
        {
            ["arn"] = cluster.DBClusterArn,
            ["externalName"] = cluster.DBClusterIdentifier,
            ["engineVersion"] = cluster.EngineVersion,
            ["connectionSecretName"] = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, context.Identity.Name),
            ["readerEndpoint"] = replicas > 0 && cluster.ReaderEndpoint is { } reader ? new JsonObject { ["host"] = reader, ["port"] = port } : null,
        };
        IReadOnlyList<JsonObject>? publish = null;
        if (cluster.Endpoint is { } host && members.Present.Count > 0)
        {
            status["endpoint"] = new JsonObject { ["host"] = host, ["port"] = port };
            var recorded = resource.Status;
            if (context.FreshRead || recorded?.Endpoint?.Host != host || recorded.Endpoint?.Port != port || (replicas > 0 && recorded.ReaderEndpoint?.Host != cluster.ReaderEndpoint))
            {
                var credentials = await _setup.ReadMasterSecretAsync(context, cancellationToken)
                    ?? throw new ExternalResourceException("MasterSecretMissing", $"the Secrets Manager secret holding the master password of {cluster.DBClusterIdentifier} is missing");
                status["masterUserSecretArn"] = credentials.Arn;
                publish = _setup.Build(context, credentials.Password, new ConnectionEndpoints { Host = host, Port = port, ReaderHost = cluster.ReaderEndpoint }).Objects;
            }
        }
        if (!context.FreshRead && (differences.Count > 0 || !usable))
        {
            // The drift listing may predate a change this operator just made: confirm with a fresh read before acting.
            return await ObserveAsync(context with { FreshRead = true }, cancellationToken);
        }
        return new ExternalObservation
        {
            Exists = true,
            State = cluster.Status,
            Transitioning = !usable,
            UpToDate = differences.Count == 0,
            Differences = differences,
            Publish = publish,
            StatusFields = status,
        };
    }

    public async Task CreateAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken)
    {
        var password = await _setup.EnsureMasterPasswordAsync(context, cancellationToken);
        await _setup.CreateAsync(context, _setup.Build(context, password, ConnectionEndpoints.None), call => ClusterSteps.Contains(call.Operation), cancellationToken);
    }

    public async Task UpdateAsync(ManagedResourceContext<ManagedDatabase> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var spec = context.Resource.Spec;
        var cluster = await _clusters.FindAsync(DatabaseSetup.Region(context), ClusterId(context), fresh: true, cancellationToken);
        if (cluster is null)
        {
            return;
        }
        var members = await MembersAsync(context, cluster, cancellationToken);
        if (members.Missing.Count > 0)
        {
            var missing = members.Missing.ToHashSet(StringComparer.Ordinal);
            var desired = _setup.Build(context, "", ConnectionEndpoints.None);
            await _setup.CreateAsync(context, desired, call => call.Operation == "CreateDBInstance" && missing.Contains(call.Member("DBInstanceIdentifier")), cancellationToken);
        }
        foreach (var extra in members.Extra.Where(member => member.DBInstanceStatus != "deleting"))
        {
            await DeleteMemberAsync(context, extra.DBInstanceIdentifier!, cancellationToken);
        }
        if (cluster.Status != "available")
        {
            return;
        }
        var tags = await _setup.TagsAsync(context, cluster.DBClusterArn!, cluster.TagList, cancellationToken);
        await _setup.ApplyTagChangesAsync(context, cluster.DBClusterArn!, DatabaseSetup.TagChangesFor(context, tags), cancellationToken);
        foreach (var member in members.Present.Where(member => member.TagList is not null && member.DBInstanceArn is not null))
        {
            await _setup.ApplyTagChangesAsync(context, member.DBInstanceArn!, DatabaseSetup.TagChangesFor(context, member.TagList!), cancellationToken);
        }
        var changes = ClusterDifferences(spec, cluster);
        if (changes.Count > 0)
        {
            var request = new JsonObject { ["DBClusterIdentifier"] = cluster.DBClusterIdentifier, ["ApplyImmediately"] = true };
            foreach (var (member, value) in changes)
            {
                request[member] = value.DeepClone();
            }
            await _setup.Rds(context).ModifyDBClusterAsync(request.Deserialize<ModifyDBClusterRequest>(AwsJson.Options)!, cancellationToken);
        }
        var instanceClass = EffectiveDatabase.InstanceClass(spec);
        foreach (var member in members.Present.Where(member => member.DBInstanceClass != instanceClass && ManagedDatabaseRdsClient.UsableStates.Contains(member.DBInstanceStatus ?? "")))
        {
            await _setup.Rds(context).ModifyDBInstanceAsync(new ModifyDBInstanceRequest { DBInstanceIdentifier = member.DBInstanceIdentifier!, DBInstanceClass = instanceClass, ApplyImmediately = true }, cancellationToken);
        }
    }

    public async Task<bool> DeleteAsync(ManagedResourceContext<ManagedDatabase> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var spec = context.Resource.Spec;
        var cluster = await _clusters.FindAsync(DatabaseSetup.Region(context), ClusterId(context), fresh: true, cancellationToken);
        if (cluster is null)
        {
            await _setup.RemoveLeftoversAsync(context, cancellationToken);
            return true;
        }
        var members = cluster.DBClusterMembers?.Select(member => member.DBInstanceIdentifier).OfType<string>().ToList() ?? [];
        if (members.Count > 0)
        {
            // A cluster with instances cannot be deleted: remove the members first.
            foreach (var id in members)
            {
                if ((await _instances.FindAsync(DatabaseSetup.Region(context), id, fresh: true, cancellationToken))?.DBInstanceStatus is { } state && state != "deleting")
                {
                    await DeleteMemberAsync(context, id, cancellationToken);
                }
            }
            return false;
        }
        if (cluster.DeletionProtection == true && spec.DeletionProtection != true)
        {
            await _setup.Rds(context).ModifyDBClusterAsync(new ModifyDBClusterRequest { DBClusterIdentifier = cluster.DBClusterIdentifier!, DeletionProtection = false, ApplyImmediately = true }, cancellationToken);
            return false;
        }
        if (cluster.Status != "deleting")
        {
            var request = (spec.DeletionPolicy ?? DeletionPolicy.Snapshot) == DeletionPolicy.Snapshot
                ? new DeleteDBClusterRequest { DBClusterIdentifier = cluster.DBClusterIdentifier!, FinalDBSnapshotIdentifier = AwsNames.DbFinalSnapshotId(context.Build.ClusterName, context.Identity) }
                : new DeleteDBClusterRequest { DBClusterIdentifier = cluster.DBClusterIdentifier!, SkipFinalSnapshot = true };
            try
            {
                await _setup.Rds(context).DeleteDBClusterAsync(request, cancellationToken);
            }
            catch (AwsServiceException gone) when (gone.IsNotFound)
            {
                // Deleted meanwhile.
            }
        }
        return false;
    }

    private async Task DeleteMemberAsync(ManagedResourceContext<ManagedDatabase> context, string identifier, CancellationToken cancellationToken)
    {
        try
        {
            await _setup.Rds(context).DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = identifier, SkipFinalSnapshot = true }, cancellationToken);
        }
        catch (AwsServiceException gone) when (gone.IsNotFound)
        {
            // Deleted meanwhile.
        }
    }

    /// <summary>The writer and readers the spec asks for that exist, those missing, and readers beyond spec.replicas.</summary>
    private async Task<Members> MembersAsync(ManagedResourceContext<ManagedDatabase> context, DBCluster cluster, CancellationToken cancellationToken)
    {
        var clusterName = context.Build.ClusterName;
        var replicas = EffectiveDatabase.Replicas(context.Resource.Spec);
        var wanted = new List<string> { AwsNames.DbClusterWriterId(clusterName, context.Identity) };
        wanted.AddRange(Enumerable.Range(1, replicas).Select(ordinal => AwsNames.DbClusterReaderId(clusterName, context.Identity, ordinal)));
        var present = new List<DBInstance>();
        var missing = new List<string>();
        foreach (var id in wanted)
        {
            if (await _instances.FindAsync(DatabaseSetup.Region(context), id, context.FreshRead, cancellationToken) is { } instance)
            {
                present.Add(instance);
            }
            else
            {
                missing.Add(id);
            }
        }
        var extra = new List<DBInstance>();
        var readerPrefix = AwsNames.DbClusterId(clusterName, context.Identity) + "-r";
        foreach (var id in cluster.DBClusterMembers?.Select(member => member.DBInstanceIdentifier).OfType<string>() ?? [])
        {
            if (!wanted.Contains(id) && id.StartsWith(readerPrefix, StringComparison.Ordinal)
                && int.TryParse(id[readerPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && await _instances.FindAsync(DatabaseSetup.Region(context), id, context.FreshRead, cancellationToken) is { } instance)
            {
                extra.Add(instance);
            }
        }
        return new Members(present, missing, extra);
    }

    /// <summary>Mutable cluster settings that differ, as ModifyDBCluster members; a value AWS does not report is never a difference.</summary>
    private static Dictionary<string, JsonNode> ClusterDifferences(ManagedDatabaseSpec spec, DBCluster cluster)
    {
        var differences = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var retention = EffectiveDatabase.BackupRetentionDays(spec);
        if (cluster.BackupRetentionPeriod is { } currentRetention && currentRetention != retention)
        {
            differences["BackupRetentionPeriod"] = retention;
        }
        var protection = spec.DeletionProtection ?? false;
        if (cluster.DeletionProtection is { } currentProtection && currentProtection != protection)
        {
            differences["DeletionProtection"] = protection;
        }
        if (spec.Backup?.Window is { } window && cluster.PreferredBackupWindow is { } currentWindow && currentWindow != window)
        {
            differences["PreferredBackupWindow"] = window;
        }
        if (spec.MaintenanceWindow is { } maintenance && cluster.PreferredMaintenanceWindow is { } currentMaintenance
            && !string.Equals(maintenance, currentMaintenance, StringComparison.OrdinalIgnoreCase))
        {
            differences["PreferredMaintenanceWindow"] = maintenance;
        }
        if (spec.Serverless is { } capacity && cluster.ServerlessV2ScalingConfiguration is { } scaling
            && (scaling.MinCapacity != capacity.MinCapacity || scaling.MaxCapacity != capacity.MaxCapacity))
        {
            differences["ServerlessV2ScalingConfiguration"] = new JsonObject { ["MinCapacity"] = capacity.MinCapacity, ["MaxCapacity"] = capacity.MaxCapacity };
        }
        return differences;
    }

    private static string ClusterId(ManagedResourceContext<ManagedDatabase> context) => AwsNames.DbClusterId(context.Build.ClusterName, context.Identity);

    private sealed record Members(IReadOnlyList<DBInstance> Present, IReadOnlyList<string> Missing, IReadOnlyList<DBInstance> Extra);
}
