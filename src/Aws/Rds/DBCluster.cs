namespace Skyforge.Aws.Rds;

/// <summary>A DB cluster as DescribeDBClusters returns it (<c>Status</c>: creating, available, modifying, deleting, …).</summary>
public sealed record DBCluster
{
    public int? AllocatedStorage { get; init; }

    public IReadOnlyList<string>? AvailabilityZones { get; init; }

    public int? BackupRetentionPeriod { get; init; }

    public string? DatabaseName { get; init; }

    public string? DBClusterIdentifier { get; init; }

    public string? DBClusterParameterGroup { get; init; }

    public string? DBSubnetGroup { get; init; }

    public string? Status { get; init; }

    public string? PercentProgress { get; init; }

    public string? Endpoint { get; init; }

    public string? ReaderEndpoint { get; init; }

    public bool? MultiAZ { get; init; }

    public string? Engine { get; init; }

    public string? EngineVersion { get; init; }

    public int? Port { get; init; }

    public string? MasterUsername { get; init; }

    public string? PreferredBackupWindow { get; init; }

    public string? PreferredMaintenanceWindow { get; init; }

    public string? ReplicationSourceIdentifier { get; init; }

    public IReadOnlyList<string>? ReadReplicaIdentifiers { get; init; }

    public IReadOnlyList<DBClusterMember>? DBClusterMembers { get; init; }

    public IReadOnlyList<VpcSecurityGroupMembership>? VpcSecurityGroups { get; init; }

    public string? HostedZoneId { get; init; }

    public bool? StorageEncrypted { get; init; }

    public string? KmsKeyId { get; init; }

    public string? DbClusterResourceId { get; init; }

    public string? DBClusterArn { get; init; }

    public bool? IAMDatabaseAuthenticationEnabled { get; init; }

    public DateTimeOffset? ClusterCreateTime { get; init; }

    public IReadOnlyList<string>? EnabledCloudwatchLogsExports { get; init; }

    public string? EngineMode { get; init; }

    public string? DBClusterInstanceClass { get; init; }

    public string? StorageType { get; init; }

    public int? Iops { get; init; }

    public bool? PubliclyAccessible { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public bool? DeletionProtection { get; init; }

    public bool? HttpEndpointEnabled { get; init; }

    public bool? CopyTagsToSnapshot { get; init; }

    public IReadOnlyList<AwsTag>? TagList { get; init; }

    public string? GlobalClusterIdentifier { get; init; }

    public string? NetworkType { get; init; }

    public ServerlessV2ScalingConfiguration? ServerlessV2ScalingConfiguration { get; init; }

    public int? MonitoringInterval { get; init; }

    public bool? PerformanceInsightsEnabled { get; init; }

    public MasterUserSecret? MasterUserSecret { get; init; }

    public string? EngineLifecycleSupport { get; init; }
}

public sealed record DBClusterMember
{
    public string? DBInstanceIdentifier { get; init; }

    public bool? IsClusterWriter { get; init; }

    public string? DBClusterParameterGroupStatus { get; init; }

    public int? PromotionTier { get; init; }
}
