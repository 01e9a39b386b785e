using System.Globalization;
using System.Net;

namespace Skyforge.Aws;

/// <summary>
/// A failed AWS call: what the service answered (code, HTTP status, request id) or why no answer arrived.
/// <see cref="Exception.Message"/> names the service, operation and code only: never request parameters, which
/// may hold secrets. The service's own text is in <see cref="ServiceMessage"/>, with the request's sensitive
/// values scrubbed.
/// </summary>
public sealed class AwsServiceException : AwsException
{
    public AwsServiceException(
        AwsService service,
        string operation,
        string errorCode,
        HttpStatusCode? statusCode,
        string? requestId,
        string? serviceMessage,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(Describe(service, operation, errorCode, statusCode, requestId), innerException)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
        ServiceMessage = serviceMessage;
        RetryAfter = retryAfter;
    }

    public AwsService Service { get; }

    public string Operation { get; }

    /// <summary>The wire error code (e.g. <c>DBInstanceNotFound</c>) or one of the <c>Skyforge.*</c> codes in <see cref="AwsErrorCodes"/>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the answer; null when none arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    public string? RequestId { get; }

    /// <summary>The service's message with sensitive request values replaced by <c>***</c>.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The wait the service asked for in <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsNotFound => AwsErrorCodes.NotFound.Contains(ErrorCode);

    public bool IsAlreadyExists => AwsErrorCodes.AlreadyExists.Contains(ErrorCode);

    public bool IsInvalidState => AwsErrorCodes.InvalidState.Contains(ErrorCode);

    public bool IsThrottling => StatusCode == HttpStatusCode.TooManyRequests || AwsErrorCodes.Throttling.Contains(ErrorCode);

    public bool IsCircuitOpen => ErrorCode == AwsErrorCodes.CircuitOpen;

    /// <summary>The service failed rather than rejected the request: 5xx, a transient code, a timeout or a broken connection.</summary>
    public bool IsServiceFailure =>
        (int?)StatusCode >= 500
        || ErrorCode is AwsErrorCodes.RequestTimeout or AwsErrorCodes.TransportError
        || AwsErrorCodes.Transient.Contains(ErrorCode);

    /// <summary>A later attempt of the same request may succeed.</summary>
    public bool IsRetryable => IsThrottling || IsServiceFailure;

    /// <summary>The service is unreachable or failing; callers report it as unavailable instead of retrying hot.</summary>
    public bool IsUnavailable => IsCircuitOpen || IsServiceFailure;

    private static string Describe(AwsService service, string operation, string errorCode, HttpStatusCode? statusCode, string? requestId)
    {
        var status = statusCode is { } code ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)code}") : "no response";
        var request = requestId is null ? string.Empty : $", request id {requestId}";
        return $"AWS {service.Id} {operation} failed: {errorCode} ({status}{request})";
    }
}
