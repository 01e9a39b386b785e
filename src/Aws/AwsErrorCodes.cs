namespace Skyforge.Aws;

/// <summary>
/// Wire error codes the clients and their callers act on. Query services name codes without the model's
/// <c>Fault</c> suffix unless the model keeps it (e.g. <c>DBClusterNotFoundFault</c>).
/// </summary>
public static class AwsErrorCodes
{
    /// <summary>The call never reached a service answer because the service's circuit breaker is open.</summary>
    public const string CircuitOpen = "Skyforge.CircuitOpen";

    /// <summary>An attempt exceeded its per-attempt timeout.</summary>
    public const string RequestTimeout = "Skyforge.RequestTimeout";

    /// <summary>The connection failed or was reset before a complete answer arrived.</summary>
    public const string TransportError = "Skyforge.TransportError";

    /// <summary>The service answered with a body the client could not parse.</summary>
    public const string MalformedResponse = "Skyforge.MalformedResponse";

    public static readonly IReadOnlySet<string> NotFound = new HashSet<string>(StringComparer.Ordinal)
    {
        "DBInstanceNotFound", "DBClusterNotFoundFault", "DBSubnetGroupNotFoundFault", "DBParameterGroupNotFound",
        "DBClusterParameterGroupNotFound",
        "ReplicationGroupNotFoundFault", "CacheSubnetGroupNotFoundFault", "CacheParameterGroupNotFound",
        "ServerlessCacheNotFoundFault", "CacheClusterNotFound", "UserNotFound", "UserGroupNotFound",
        "NotFoundException",
        "ResourceNotFoundException",
    };

    public static readonly IReadOnlySet<string> AlreadyExists = new HashSet<string>(StringComparer.Ordinal)
    {
        "DBInstanceAlreadyExists", "DBClusterAlreadyExistsFault", "DBSubnetGroupAlreadyExists", "DBParameterGroupAlreadyExists",
        "ReplicationGroupAlreadyExists", "CacheSubnetGroupAlreadyExists", "CacheParameterGroupAlreadyExists",
        "ServerlessCacheAlreadyExistsFault", "UserAlreadyExists", "UserGroupAlreadyExists",
        "ConflictException",
        "ResourceExistsException",
    };

    public static readonly IReadOnlySet<string> InvalidState = new HashSet<string>(StringComparer.Ordinal)
    {
        "InvalidDBInstanceState", "InvalidDBClusterStateFault", "InvalidDBSubnetGroupStateFault", "InvalidDBParameterGroupState",
        "InvalidReplicationGroupState", "InvalidCacheClusterState", "InvalidCacheParameterGroupState",
        "InvalidServerlessCacheStateFault", "CacheSubnetGroupInUse",
        "InvalidUserState", "InvalidUserGroupState",
        "InvalidRequestException",
    };

    /// <summary>Throttling codes across the three protocols (after the SDKs' retry tables).</summary>
    public static readonly IReadOnlySet<string> Throttling = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    /// <summary>Codes that signal a transient service-side fault even when the status code is 4xx.</summary>
    public static readonly IReadOnlySet<string> Transient = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServiceError",
        "InternalServerErrorException", "ServiceUnavailable", "ServiceUnavailableException", "IDPCommunicationError",
    };
}
