using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>The RDS and Secrets Manager calls that create a ManagedDatabase on AWS (RDS instances and Aurora clusters).</summary>
internal static class RdsDatabaseCalls
{
    /// <summary>ModifyDB(Cluster)ParameterGroup takes at most 20 parameters per request.</summary>
    private const int ParametersPerRequest = 20;

    /// <summary>
    /// Static parameters only take effect on reboot, and pending-reboot is accepted for dynamic ones too;
    /// a group is attached at create time, so either way the instance starts with the values.
    /// </summary>
    private const string ApplyMethod = "pending-reboot";

    /// <summary>The writer is promoted first after a failover back; readers share the next tier.</summary>
    private const int WriterPromotionTier = 0;

    private const int ReaderPromotionTier = 1;

    public static IReadOnlyList<AwsCall> For(DataServiceIdentity identity, ManagedDatabaseSpec spec, BuildContext context, string masterPassword, string? monitoringRoleArn)
    {
        var owner = identity.Owner;
        var calls = new AwsCallList(owner, EffectiveDatabase.Region(spec, context));
        var tags = OwnershipTags.For(context.ClusterName, owner, spec.Tags);
        var aurora = EffectiveDatabase.IsAurora(spec);
        var family = EffectiveDatabase.ParameterGroupFamily(spec);

        string? subnetGroupName = spec.Network?.SubnetGroupName;
        if (spec.Network?.SubnetIds is { Count: > 0 } subnetIds)
        {
            subnetGroupName = AwsNames.DbSubnetGroupName(context.ClusterName, owner);
            calls.Add(AwsCallList.Rds, "CreateDBSubnetGroup", new JsonObject
            {
                ["DBSubnetGroupName"] = subnetGroupName,
                ["DBSubnetGroupDescription"] = $"Skyforge ManagedDatabase {owner.Key}",
                ["SubnetIds"] = JsonParts.Strings(subnetIds),
                ["Tags"] = OwnershipTags.ToTagList(tags),
            });
        }

        string? parameterGroupName = null;
        if (spec.Parameters is { Count: > 0 } parameters)
        {
            parameterGroupName = aurora
                ? AwsNames.DbClusterParameterGroupName(context.ClusterName, owner, family)
                : AwsNames.DbParameterGroupName(context.ClusterName, owner, family);
            AddParameterGroup(calls, aurora, parameterGroupName, family, owner, parameters, tags);
        }

        var username = EffectiveDatabase.MasterUsername(spec);
        calls.Add(AwsCallList.SecretsManager, "CreateSecret", MasterCredentials.CreateSecret(
            context, owner, MasterCredentials.DatabasePurpose, $"Master user of Skyforge ManagedDatabase {owner.Key}", username, masterPassword, tags));

        var monitoring = Monitoring.For(spec, monitoringRoleArn);
        if (aurora)
        {
            AddAuroraCluster(calls, identity, spec, context, subnetGroupName, parameterGroupName, masterPassword, monitoring, tags);
        }
        else
        {
            AddRdsInstance(calls, identity, spec, context, subnetGroupName, parameterGroupName, masterPassword, monitoring, tags);
        }
        return calls.Calls;
    }

    private static void AddParameterGroup(AwsCallList calls, bool aurora, string name, string family, ResourceIdentity owner, Dictionary<string, string> parameters, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var nameMember = aurora ? "DBClusterParameterGroupName" : "DBParameterGroupName";
        calls.Add(AwsCallList.Rds, aurora ? "CreateDBClusterParameterGroup" : "CreateDBParameterGroup", new JsonObject
        {
            [nameMember] = name,
            ["DBParameterGroupFamily"] = family,
            ["Description"] = $"Skyforge ManagedDatabase {owner.Key}",
            ["Tags"] = OwnershipTags.ToTagList(tags),
        });
        foreach (var chunk in parameters.OrderBy(parameter => parameter.Key, StringComparer.Ordinal).Chunk(ParametersPerRequest))
        {
            calls.Add(AwsCallList.Rds, aurora ? "ModifyDBClusterParameterGroup" : "ModifyDBParameterGroup", new JsonObject
            {
                [nameMember] = name,
                ["Parameters"] = JsonParts.Array(chunk.Select(parameter => (JsonNode)new JsonObject
                {
                    ["ParameterName"] = parameter.Key,
                    ["ParameterValue"] = parameter.Value,
                    ["ApplyMethod"] = ApplyMethod,
                })),
            });
        }
    }

    private static void AddRdsInstance(AwsCallList calls, DataServiceIdentity identity, ManagedDatabaseSpec spec, BuildContext context, string? subnetGroupName, string? parameterGroupName, string masterPassword, Monitoring monitoring, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var owner = identity.Owner;
        var instanceId = AwsNames.DbInstanceId(context.ClusterName, owner);
        var storage = spec.Storage;
        var storageType = WireName.Of(storage?.Type ?? StorageType.Gp3);
        var instance = new JsonObject
        {
            ["DBInstanceIdentifier"] = instanceId,
            ["DBInstanceClass"] = EffectiveDatabase.InstanceClass(spec),
            ["Engine"] = EffectiveDatabase.EngineName(spec),
            ["EngineVersion"] = EffectiveDatabase.Version(spec),
            ["DBName"] = EffectiveDatabase.Databases(spec, owner.Name)[0],
            ["MasterUsername"] = EffectiveDatabase.MasterUsername(spec),
            ["MasterUserPassword"] = masterPassword,
            ["AllocatedStorage"] = storage?.SizeGiB ?? 20,
            ["StorageType"] = storageType,
            ["Iops"] = storage?.Iops,
            ["MaxAllocatedStorage"] = storage?.MaxSizeGiB,
            ["StorageEncrypted"] = true,
            ["KmsKeyId"] = spec.Encryption?.KmsKeyId,
            ["MultiAZ"] = EffectiveDatabase.MultiAz(spec),
            ["BackupRetentionPeriod"] = EffectiveDatabase.BackupRetentionDays(spec),
            ["PreferredBackupWindow"] = spec.Backup?.Window,
            ["PreferredMaintenanceWindow"] = spec.MaintenanceWindow,
            ["DBSubnetGroupName"] = subnetGroupName,
            ["VpcSecurityGroupIds"] = JsonParts.StringsOrNull(spec.Network?.SecurityGroupIds),
            ["PubliclyAccessible"] = spec.Network?.PubliclyAccessible ?? false,
            ["DBParameterGroupName"] = parameterGroupName,
            ["EnableCloudwatchLogsExports"] = JsonParts.StringsOrNull(spec.Monitoring?.LogExports),
            ["DeletionProtection"] = spec.DeletionProtection ?? false,
            ["CopyTagsToSnapshot"] = true,
            ["Tags"] = OwnershipTags.ToTagList(tags),
        };
        monitoring.AddTo(instance);
        calls.Add(AwsCallList.Rds, "CreateDBInstance", instance);

        for (var ordinal = 1; ordinal <= EffectiveDatabase.Replicas(spec); ordinal++)
        {
            var replica = new JsonObject
            {
                ["DBInstanceIdentifier"] = AwsNames.DbReadReplicaId(context.ClusterName, owner, ordinal),
                ["SourceDBInstanceIdentifier"] = instanceId,
                ["DBInstanceClass"] = EffectiveDatabase.InstanceClass(spec),
                ["StorageType"] = storageType,
                ["MaxAllocatedStorage"] = storage?.MaxSizeGiB,
                ["DBSubnetGroupName"] = subnetGroupName,
                ["VpcSecurityGroupIds"] = JsonParts.StringsOrNull(spec.Network?.SecurityGroupIds),
                ["PubliclyAccessible"] = spec.Network?.PubliclyAccessible ?? false,
                ["DBParameterGroupName"] = parameterGroupName,
                ["EnableCloudwatchLogsExports"] = JsonParts.StringsOrNull(spec.Monitoring?.LogExports),
                ["DeletionProtection"] = spec.DeletionProtection ?? false,
                ["CopyTagsToSnapshot"] = true,
                ["Tags"] = OwnershipTags.ToTagList(tags),
            };
            monitoring.AddTo(replica);
            calls.Add(AwsCallList.Rds, "CreateDBInstanceReadReplica", replica);
        }
    }

    private static void AddAuroraCluster(AwsCallList calls, DataServiceIdentity identity, ManagedDatabaseSpec spec, BuildContext context, string? subnetGroupName, string? parameterGroupName, string masterPassword, Monitoring monitoring, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var owner = identity.Owner;
        var clusterId = AwsNames.DbClusterId(context.ClusterName, owner);
        calls.Add(AwsCallList.Rds, "CreateDBCluster", new JsonObject
        {
            ["DBClusterIdentifier"] = clusterId,
            ["Engine"] = EffectiveDatabase.EngineName(spec),
            ["EngineVersion"] = EffectiveDatabase.Version(spec),
            ["DatabaseName"] = EffectiveDatabase.Databases(spec, owner.Name)[0],
            ["MasterUsername"] = EffectiveDatabase.MasterUsername(spec),
            ["MasterUserPassword"] = masterPassword,
            ["DBClusterParameterGroupName"] = parameterGroupName,
            ["DBSubnetGroupName"] = subnetGroupName,
            ["VpcSecurityGroupIds"] = JsonParts.StringsOrNull(spec.Network?.SecurityGroupIds),
            ["StorageEncrypted"] = true,
            ["KmsKeyId"] = spec.Encryption?.KmsKeyId,
            ["BackupRetentionPeriod"] = EffectiveDatabase.BackupRetentionDays(spec),
            ["PreferredBackupWindow"] = spec.Backup?.Window,
            ["PreferredMaintenanceWindow"] = spec.MaintenanceWindow,
            ["EnableCloudwatchLogsExports"] = JsonParts.StringsOrNull(spec.Monitoring?.LogExports),
            ["DeletionProtection"] = spec.DeletionProtection ?? false,
            ["CopyTagsToSnapshot"] = true,
            ["ServerlessV2ScalingConfiguration"] = spec.Serverless is { } capacity
                ? new JsonObject { ["MinCapacity"] = capacity.MinCapacity, ["MaxCapacity"] = capacity.MaxCapacity }
                : null,
            ["Tags"] = OwnershipTags.ToTagList(tags),
        });

        calls.Add(AwsCallList.Rds, "CreateDBInstance", AuroraInstance(spec, AwsNames.DbClusterWriterId(context.ClusterName, owner), clusterId, WriterPromotionTier, monitoring, tags));
        for (var ordinal = 1; ordinal <= EffectiveDatabase.Replicas(spec); ordinal++)
        {
            calls.Add(AwsCallList.Rds, "CreateDBInstance", AuroraInstance(spec, AwsNames.DbClusterReaderId(context.ClusterName, owner, ordinal), clusterId, ReaderPromotionTier, monitoring, tags));
        }
    }

    private static JsonObject AuroraInstance(ManagedDatabaseSpec spec, string instanceId, string clusterId, int promotionTier, Monitoring monitoring, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var instance = new JsonObject
        {
            ["DBInstanceIdentifier"] = instanceId,
            ["DBClusterIdentifier"] = clusterId,
            ["DBInstanceClass"] = EffectiveDatabase.InstanceClass(spec),
            ["Engine"] = EffectiveDatabase.EngineName(spec),
            ["PromotionTier"] = promotionTier,
            ["PubliclyAccessible"] = spec.Network?.PubliclyAccessible ?? false,
            ["CopyTagsToSnapshot"] = true,
            ["Tags"] = OwnershipTags.ToTagList(tags),
        };
        monitoring.AddTo(instance);
        return instance;
    }

    /// <summary>Enhanced Monitoring and Performance Insights settings, which every RDS and Aurora instance carries.</summary>
    private sealed record Monitoring(int IntervalSeconds, string? RoleArn, bool PerformanceInsights)
    {
        public static Monitoring For(ManagedDatabaseSpec spec, string? monitoringRoleArn)
        {
            var interval = EffectiveDatabase.MonitoringIntervalSeconds(spec);
            return new(interval, interval > 0 ? monitoringRoleArn ?? ManagedDatabaseBuilder.MonitoringRolePlaceholder : null, spec.Monitoring?.PerformanceInsights ?? false);
        }

        public void AddTo(JsonObject instance)
        {
            instance["MonitoringInterval"] = IntervalSeconds;
            if (RoleArn is not null)
            {
                instance["MonitoringRoleArn"] = RoleArn;
            }
            instance["EnablePerformanceInsights"] = PerformanceInsights;
        }
    }
}
