using Skyforge.Kubernetes.Models;

namespace Skyforge.Runtime.Conditions;

/// <summary>A condition list after a change, and whether anything a client can see differs from before.</summary>
public sealed record ConditionUpdate(IReadOnlyList<Condition> Conditions, bool Changed);
