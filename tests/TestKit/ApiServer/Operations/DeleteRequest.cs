namespace Skyforge.TestKit.ApiServer.Operations;

/// <summary>DeleteOptions: propagation policy, preconditions and dry run.</summary>
internal sealed record DeleteRequest(
    string? PropagationPolicy = null,
    string? PreconditionUid = null,
    string? PreconditionResourceVersion = null,
    bool DryRun = false);
