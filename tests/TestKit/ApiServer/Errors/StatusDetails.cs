namespace Skyforge.TestKit.ApiServer.Errors;

/// <summary><c>Status.details</c>; <see cref="Kind"/> is the resource (plural) for most reasons and the Kind for Invalid.</summary>
public sealed record StatusDetails(
    string? Name = null,
    string? Group = null,
    string? Kind = null,
    string? Uid = null,
    IReadOnlyList<StatusCause>? Causes = null,
    int? RetryAfterSeconds = null);
