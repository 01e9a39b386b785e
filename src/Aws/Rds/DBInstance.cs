namespace Skyforge.Aws.Rds;

/// <summary>A DB instance as DescribeDBInstances returns it (<c>DBInstanceStatus</c>: creating, available, modifying, deleting, failed, …).</summary>
public sealed record DBInstance
{
    public string? DBInstanceIdentifier { get; init; }

    public string? DBInstanceClass { get; init; }

    public string? Engine { get; init; }

    public string? DBInstanceStatus { get; init; }

    public string? MasterUsername { get; init; }

    public string? DBName { get; init; }

    public Endpoint? Endpoint { get; init; }

    public int? AllocatedStorage { get; init; }

    public DateTimeOffset? InstanceCreateTime { get; init; }

    public string? PreferredBackupWindow { get; init; }

    public int? BackupRetentionPeriod { get; init; }

    public IReadOnlyList<VpcSecurityGroupMembership>? VpcSecurityGroups { get; init; }

    public IReadOnlyList<DBParameterGroupStatus>? DBParameterGroups { get; init; }

    public string? AvailabilityZone { get; init; }

    public DBSubnetGroup? DBSubnetGroup { get; init; }

    public string? PreferredMaintenanceWindow { get; init; }

    public PendingModifiedValues? PendingModifiedValues { get; init; }

    public bool? MultiAZ { get; init; }

    public string? EngineVersion { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public string? ReadReplicaSourceDBInstanceIdentifier { get; init; }

    public IReadOnlyList<string>? ReadReplicaDBInstanceIdentifiers { get; init; }

    public string? ReplicaMode { get; init; }

    public string? LicenseModel { get; init; }

    public int? Iops { get; init; }

    public int? StorageThroughput { get; init; }

    public bool? PubliclyAccessible { get; init; }

    public IReadOnlyList<DBInstanceStatusInfo>? StatusInfos { get; init; }

    public string? StorageType { get; init; }

    public int? DbInstancePort { get; init; }

    public string? DBClusterIdentifier { get; init; }

    public bool? StorageEncrypted { get; init; }

    public string? KmsKeyId { get; init; }

    public string? DbiResourceId { get; init; }

    public string? CACertificateIdentifier { get; init; }

    public bool? CopyTagsToSnapshot { get; init; }

    public int? MonitoringInterval { get; init; }

    public string? MonitoringRoleArn { get; init; }

    public int? PromotionTier { get; init; }

    public string? DBInstanceArn { get; init; }

    public bool? IAMDatabaseAuthenticationEnabled { get; init; }

    public string? DatabaseInsightsMode { get; init; }

    public bool? PerformanceInsightsEnabled { get; init; }

    public IReadOnlyList<string>? EnabledCloudwatchLogsExports { get; init; }

    public bool? DeletionProtection { get; init; }

    public int? MaxAllocatedStorage { get; init; }

    public IReadOnlyList<AwsTag>? TagList { get; init; }

    public string? NetworkType { get; init; }

    public MasterUserSecret? MasterUserSecret { get; init; }

    public string? PercentProgress { get; init; }

    public bool? DedicatedLogVolume { get; init; }

    public string? EngineLifecycleSupport { get; init; }
}

public sealed record Endpoint
{
    public string? Address { get; init; }

    public int? Port { get; init; }

    public string? HostedZoneId { get; init; }
}

public sealed record VpcSecurityGroupMembership
{
    public string? VpcSecurityGroupId { get; init; }

    public string? Status { get; init; }
}

public sealed record DBParameterGroupStatus
{
    public string? DBParameterGroupName { get; init; }

    public string? ParameterApplyStatus { get; init; }
}

/// <summary>Changes waiting for the maintenance window (a pending password change is reported by AWS but not read).</summary>
public sealed record PendingModifiedValues
{
    public string? DBInstanceClass { get; init; }

    public int? AllocatedStorage { get; init; }

    public int? Port { get; init; }

    public int? BackupRetentionPeriod { get; init; }

    public bool? MultiAZ { get; init; }

    public string? EngineVersion { get; init; }

    public string? LicenseModel { get; init; }

    public int? Iops { get; init; }

    public int? StorageThroughput { get; init; }

    public string? DBInstanceIdentifier { get; init; }

    public string? StorageType { get; init; }

    public string? CACertificateIdentifier { get; init; }

    public string? DBSubnetGroupName { get; init; }

    public bool? IAMDatabaseAuthenticationEnabled { get; init; }

    public bool? DedicatedLogVolume { get; init; }

    public string? Engine { get; init; }
}

public sealed record MasterUserSecret
{
    public string? SecretArn { get; init; }

    public string? SecretStatus { get; init; }

    public string? KmsKeyId { get; init; }
}

public sealed record DBInstanceStatusInfo
{
    public string? StatusType { get; init; }

    public bool? Normal { get; init; }

    public string? Status { get; init; }

    public string? Message { get; init; }
}
