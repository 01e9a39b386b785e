using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record CreateDBClusterRequest
{
    [AwsQueryList("AvailabilityZone")]
    public IReadOnlyList<string>? AvailabilityZones { get; init; }

    public int? BackupRetentionPeriod { get; init; }

    public string? CharacterSetName { get; init; }

    public string? DatabaseName { get; init; }

    public required string DBClusterIdentifier { get; init; }

    public string? DBClusterParameterGroupName { get; init; }

    [AwsQueryList("VpcSecurityGroupId")]
    public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }

    public string? DBSubnetGroupName { get; init; }

    public required string Engine { get; init; }

    public string? EngineVersion { get; init; }

    public int? Port { get; init; }

    public string? MasterUsername { get; init; }

    [AwsSensitive]
    public string? MasterUserPassword { get; init; }

    public string? OptionGroupName { get; init; }

    public string? PreferredBackupWindow { get; init; }

    public string? PreferredMaintenanceWindow { get; init; }

    public string? ReplicationSourceIdentifier { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }

    public bool? StorageEncrypted { get; init; }

    public string? KmsKeyId { get; init; }

    [AwsSensitive]
    public string? PreSignedUrl { get; init; }

    public bool? EnableIAMDatabaseAuthentication { get; init; }

    public long? BacktrackWindow { get; init; }

    public IReadOnlyList<string>? EnableCloudwatchLogsExports { get; init; }

    public string? EngineMode { get; init; }

    public ScalingConfiguration? ScalingConfiguration { get; init; }

    public string? DBClusterInstanceClass { get; init; }

    public int? AllocatedStorage { get; init; }

    public string? StorageType { get; init; }

    public int? Iops { get; init; }

    public bool? PubliclyAccessible { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public bool? DeletionProtection { get; init; }

    public string? GlobalClusterIdentifier { get; init; }

    public bool? EnableHttpEndpoint { get; init; }

    public bool? CopyTagsToSnapshot { get; init; }

    public bool? EnableGlobalWriteForwarding { get; init; }

    public string? NetworkType { get; init; }

    public ServerlessV2ScalingConfiguration? ServerlessV2ScalingConfiguration { get; init; }

    public int? MonitoringInterval { get; init; }

    public string? MonitoringRoleArn { get; init; }

    public string? DatabaseInsightsMode { get; init; }

    public bool? EnablePerformanceInsights { get; init; }

    public string? PerformanceInsightsKMSKeyId { get; init; }

    public int? PerformanceInsightsRetentionPeriod { get; init; }

    public bool? EnableLimitlessDatabase { get; init; }

    public string? ClusterScalabilityType { get; init; }

    public bool? ManageMasterUserPassword { get; init; }

    public bool? EnableLocalWriteForwarding { get; init; }

    public string? MasterUserSecretKmsKeyId { get; init; }

    public string? CACertificateIdentifier { get; init; }

    public string? EngineLifecycleSupport { get; init; }
}

public sealed record CreateDBClusterResponse
{
    public DBCluster? DBCluster { get; init; }
}
