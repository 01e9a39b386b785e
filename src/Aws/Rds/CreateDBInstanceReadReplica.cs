using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record CreateDBInstanceReadReplicaRequest
{
    public required string DBInstanceIdentifier { get; init; }

    public string? SourceDBInstanceIdentifier { get; init; }

    public string? DBInstanceClass { get; init; }

    public string? AvailabilityZone { get; init; }

    public int? Port { get; init; }

    public bool? MultiAZ { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public int? Iops { get; init; }

    public int? StorageThroughput { get; init; }

    public string? OptionGroupName { get; init; }

    public string? DBParameterGroupName { get; init; }

    public bool? PubliclyAccessible { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }

    public string? DBSubnetGroupName { get; init; }

    [AwsQueryList("VpcSecurityGroupId")]
    public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }

    public string? StorageType { get; init; }

    public bool? CopyTagsToSnapshot { get; init; }

    public int? MonitoringInterval { get; init; }

    public string? MonitoringRoleArn { get; init; }

    public string? KmsKeyId { get; init; }

    [AwsSensitive]
    public string? PreSignedUrl { get; init; }

    public bool? EnableIAMDatabaseAuthentication { get; init; }

    public string? DatabaseInsightsMode { get; init; }

    public bool? EnablePerformanceInsights { get; init; }

    public string? PerformanceInsightsKMSKeyId { get; init; }

    public int? PerformanceInsightsRetentionPeriod { get; init; }

    public IReadOnlyList<string>? EnableCloudwatchLogsExports { get; init; }

    public bool? DeletionProtection { get; init; }

    public string? ReplicaMode { get; init; }

    public string? NetworkType { get; init; }

    public int? MaxAllocatedStorage { get; init; }

    public int? AllocatedStorage { get; init; }

    public string? SourceDBClusterIdentifier { get; init; }

    public bool? DedicatedLogVolume { get; init; }

    public bool? UpgradeStorageConfig { get; init; }

    public string? CACertificateIdentifier { get; init; }
}

public sealed record CreateDBInstanceReadReplicaResponse
{
    public DBInstance? DBInstance { get; init; }
}
