using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record CreateDBInstanceRequest
{
    public string? DBName { get; init; }

    public required string DBInstanceIdentifier { get; init; }

    public int? AllocatedStorage { get; init; }

    public required string DBInstanceClass { get; init; }

    public required string Engine { get; init; }

    public string? MasterUsername { get; init; }

    [AwsSensitive]
    public string? MasterUserPassword { get; init; }

    [AwsQueryList("VpcSecurityGroupId")]
    public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? DBSubnetGroupName { get; init; }

    public string? PreferredMaintenanceWindow { get; init; }

    public string? DBParameterGroupName { get; init; }

    public int? BackupRetentionPeriod { get; init; }

    public string? PreferredBackupWindow { get; init; }

    public int? Port { get; init; }

    public bool? MultiAZ { get; init; }

    public string? EngineVersion { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public string? LicenseModel { get; init; }

    public int? Iops { get; init; }

    public int? StorageThroughput { get; init; }

    public string? OptionGroupName { get; init; }

    public string? CharacterSetName { get; init; }

    public bool? PubliclyAccessible { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }

    public string? DBClusterIdentifier { get; init; }

    public string? StorageType { get; init; }

    public bool? StorageEncrypted { get; init; }

    public string? KmsKeyId { get; init; }

    public bool? CopyTagsToSnapshot { get; init; }

    public int? MonitoringInterval { get; init; }

    public string? MonitoringRoleArn { get; init; }

    public int? PromotionTier { get; init; }

    public string? Timezone { get; init; }

    public bool? EnableIAMDatabaseAuthentication { get; init; }

    public string? DatabaseInsightsMode { get; init; }

    public bool? EnablePerformanceInsights { get; init; }

    public string? PerformanceInsightsKMSKeyId { get; init; }

    public int? PerformanceInsightsRetentionPeriod { get; init; }

    public IReadOnlyList<string>? EnableCloudwatchLogsExports { get; init; }

    public bool? DeletionProtection { get; init; }

    public int? MaxAllocatedStorage { get; init; }

    public string? NetworkType { get; init; }

    public string? CACertificateIdentifier { get; init; }

    public bool? ManageMasterUserPassword { get; init; }

    public string? MasterUserSecretKmsKeyId { get; init; }

    public bool? DedicatedLogVolume { get; init; }

    public string? EngineLifecycleSupport { get; init; }
}

public sealed record CreateDBInstanceResponse
{
    public DBInstance? DBInstance { get; init; }
}
