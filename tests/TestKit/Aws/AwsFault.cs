namespace Skyforge.TestKit.Aws;

/// <summary>What <see cref="AwsFaultProxy"/> does to a matching request instead of (or before) forwarding it.</summary>
public sealed record AwsFault
{
    private AwsFault(AwsFaultKind kind)
    {
        Kind = kind;
    }

    public AwsFaultKind Kind { get; }

    /// <summary>Error code for <see cref="AwsFaultKind.Error"/>.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>HTTP status for <see cref="AwsFaultKind.Error"/> and <see cref="AwsFaultKind.ServerError"/>.</summary>
    public int StatusCode { get; private init; }

    public string Message { get; private init; } = string.Empty;

    /// <summary>Added delay for <see cref="AwsFaultKind.Latency"/>.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>A <c>Retry-After</c> header (whole seconds) on throttling answers.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>The service's throttling answer in its protocol's shape (query 400 <c>Throttling</c>,
    /// JSON 400 <c>ThrottlingException</c>, REST-JSON 429 <c>TooManyRequestsException</c>).</summary>
    public static AwsFault Throttle(TimeSpan? retryAfter = null) =>
        new(AwsFaultKind.Throttle) { Message = "Rate exceeded", RetryAfter = retryAfter };

    /// <summary>A 5xx answer in the protocol's shape.</summary>
    public static AwsFault ServerError(int statusCode = 503) =>
        new(AwsFaultKind.ServerError) { StatusCode = statusCode, Message = "Service is unavailable" };

    /// <summary>Forward after waiting <paramref name="delay"/>.</summary>
    public static AwsFault Latency(TimeSpan delay) => new(AwsFaultKind.Latency) { Delay = delay };

    /// <summary>Abort the connection without an answer.</summary>
    public static AwsFault ConnectionReset() => new(AwsFaultKind.ConnectionReset);

    /// <summary>Any service error, e.g. <c>DBInstanceNotFound</c> 404.</summary>
    public static AwsFault Error(string errorCode, int statusCode, string message) =>
        new(AwsFaultKind.Error) { ErrorCode = errorCode, StatusCode = statusCode, Message = message };
}
