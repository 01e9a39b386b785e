namespace Skyforge.Aws;

/// <summary>The low-cardinality outcome label of calls and attempts in <see cref="AwsMetrics"/>.</summary>
public static class AwsOutcome
{
    public const string Success = "success";
    public const string Throttled = "throttled";
    public const string ClientError = "client_error";
    public const string ServerError = "server_error";
    public const string Timeout = "timeout";
    public const string TransportError = "transport_error";
    public const string CircuitOpen = "circuit_open";
    public const string Canceled = "canceled";
    public const string ConfigurationError = "configuration_error";

    public static string Of(AwsServiceException exception) => exception switch
    {
        { IsCircuitOpen: true } => CircuitOpen,
        { ErrorCode: AwsErrorCodes.RequestTimeout } => Timeout,
        { ErrorCode: AwsErrorCodes.TransportError } => TransportError,
        { IsThrottling: true } => Throttled,
        { IsServiceFailure: true } => ServerError,
        _ => ClientError,
    };
}
