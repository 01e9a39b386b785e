using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record ModifyDBInstanceRequest
{
    public required string DBInstanceIdentifier { get; init; }

    public int? AllocatedStorage { get; init; }

    public string? DBInstanceClass { get; init; }

    public string? DBSubnetGroupName { get; init; }

    [AwsQueryList("VpcSecurityGroupId")]
    public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }

    public bool? ApplyImmediately { get; init; }

    [AwsSensitive]
    public string? MasterUserPassword { get; init; }

    public string? DBParameterGroupName { get; init; }

    public int? BackupRetentionPeriod { get; init; }

    public string? PreferredBackupWindow { get; init; }

    public string? PreferredMaintenanceWindow { get; init; }

    public bool? MultiAZ { get; init; }

    public string? EngineVersion { get; init; }

    public bool? AllowMajorVersionUpgrade { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public string? LicenseModel { get; init; }

    public int? Iops { get; init; }

    public int? StorageThroughput { get; init; }

    public string? OptionGroupName { get; init; }

    public string? NewDBInstanceIdentifier { get; init; }

    public string? StorageType { get; init; }

    public string? CACertificateIdentifier { get; init; }

    public bool? CopyTagsToSnapshot { get; init; }

    public int? MonitoringInterval { get; init; }

    public int? DBPortNumber { get; init; }

    public bool? PubliclyAccessible { get; init; }

    public string? MonitoringRoleArn { get; init; }

    public int? PromotionTier { get; init; }

    public bool? EnableIAMDatabaseAuthentication { get; init; }

    public string? DatabaseInsightsMode { get; init; }

    public bool? EnablePerformanceInsights { get; init; }

    public string? PerformanceInsightsKMSKeyId { get; init; }

    public int? PerformanceInsightsRetentionPeriod { get; init; }

    public CloudwatchLogsExportConfiguration? CloudwatchLogsExportConfiguration { get; init; }

    public bool? DeletionProtection { get; init; }

    public int? MaxAllocatedStorage { get; init; }

    public bool? CertificateRotationRestart { get; init; }

    public string? ReplicaMode { get; init; }

    public string? NetworkType { get; init; }

    public bool? ManageMasterUserPassword { get; init; }

    public bool? RotateMasterUserPassword { get; init; }

    public string? MasterUserSecretKmsKeyId { get; init; }

    public bool? DedicatedLogVolume { get; init; }

    public string? Engine { get; init; }

    public string? EngineLifecycleSupport { get; init; }
}

public sealed record ModifyDBInstanceResponse
{
    public DBInstance? DBInstance { get; init; }
}
