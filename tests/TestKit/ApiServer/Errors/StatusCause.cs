namespace Skyforge.TestKit.ApiServer.Errors;

/// <summary>One entry of <c>Status.details.causes</c>: why a request failed, optionally for which field.</summary>
public sealed record StatusCause(string Reason, string Message, string? Field);
