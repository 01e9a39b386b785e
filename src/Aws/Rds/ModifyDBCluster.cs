using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record ModifyDBClusterRequest
{
    public required string DBClusterIdentifier { get; init; }

    public string? NewDBClusterIdentifier { get; init; }

    public bool? ApplyImmediately { get; init; }

    public int? BackupRetentionPeriod { get; init; }

    public string? DBClusterParameterGroupName { get; init; }

    [AwsQueryList("VpcSecurityGroupId")]
    public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }

    public int? Port { get; init; }

    [AwsSensitive]
    public string? MasterUserPassword { get; init; }

    public string? OptionGroupName { get; init; }

    public string? PreferredBackupWindow { get; init; }

    public string? PreferredMaintenanceWindow { get; init; }

    public bool? EnableIAMDatabaseAuthentication { get; init; }

    public long? BacktrackWindow { get; init; }

    public CloudwatchLogsExportConfiguration? CloudwatchLogsExportConfiguration { get; init; }

    public string? EngineVersion { get; init; }

    public bool? AllowMajorVersionUpgrade { get; init; }

    public string? DBInstanceParameterGroupName { get; init; }

    public ScalingConfiguration? ScalingConfiguration { get; init; }

    public bool? DeletionProtection { get; init; }

    public bool? EnableHttpEndpoint { get; init; }

    public bool? CopyTagsToSnapshot { get; init; }

    public bool? EnableGlobalWriteForwarding { get; init; }

    public string? DBClusterInstanceClass { get; init; }

    public int? AllocatedStorage { get; init; }

    public string? StorageType { get; init; }

    public int? Iops { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public string? NetworkType { get; init; }

    public ServerlessV2ScalingConfiguration? ServerlessV2ScalingConfiguration { get; init; }

    public int? MonitoringInterval { get; init; }

    public string? MonitoringRoleArn { get; init; }

    public string? DatabaseInsightsMode { get; init; }

    public bool? EnablePerformanceInsights { get; init; }

    public string? PerformanceInsightsKMSKeyId { get; init; }

    public int? PerformanceInsightsRetentionPeriod { get; init; }

    public bool? ManageMasterUserPassword { get; init; }

    public bool? RotateMasterUserPassword { get; init; }

    public bool? EnableLocalWriteForwarding { get; init; }

    public string? MasterUserSecretKmsKeyId { get; init; }

    public string? EngineMode { get; init; }

    public bool? AllowEngineModeChange { get; init; }

    public bool? EnableLimitlessDatabase { get; init; }

    public string? CACertificateIdentifier { get; init; }

    public string? EngineLifecycleSupport { get; init; }
}

public sealed record ModifyDBClusterResponse
{
    public DBCluster? DBCluster { get; init; }
}
