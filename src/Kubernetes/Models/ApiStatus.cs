namespace Skyforge.Kubernetes.Models;

/// <summary>The API's <c>Status</c> object: how every error (and some deletes) is answered.</summary>
public sealed record ApiStatus
{
    public string? Kind { get; init; }

    public string? ApiVersion { get; init; }

    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    public string? Status { get; init; }

    public string? Message { get; init; }

    /// <summary>Machine-readable reason such as <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>, <c>Expired</c>.</summary>
    public string? Reason { get; init; }

    public ApiStatusDetails? Details { get; init; }

    public int? Code { get; init; }
}

/// <summary>The <c>details</c> of a Status: which object, and for Invalid the field-level causes.</summary>
public sealed record ApiStatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Uid { get; init; }

    public IReadOnlyList<ApiStatusCause>? Causes { get; init; }

    public int? RetryAfterSeconds { get; init; }
}

/// <summary>One cause of a failure, e.g. a field that failed validation.</summary>
public sealed record ApiStatusCause
{
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? Field { get; init; }
}
