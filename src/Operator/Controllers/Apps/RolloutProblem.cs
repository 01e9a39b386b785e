namespace Skyforge.Operator.Controllers.Apps;

/// <summary>Why a service is degraded: reason RolledBack or ProgressDeadlineExceeded, and a message naming the revisions.</summary>
public sealed record RolloutProblem(string Reason, string Message);
