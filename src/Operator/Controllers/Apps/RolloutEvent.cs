namespace Skyforge.Operator.Controllers.Apps;

/// <summary>An event the rollout planner asks to be recorded on the AppPlatform (only when its decision changes state).</summary>
public sealed record RolloutEvent(bool Warning, string Reason, string Message);
