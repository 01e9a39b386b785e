using Skyforge.Kubernetes.Models;

namespace Skyforge.Runtime.Conditions;

/// <summary>
/// <c>metav1.Condition</c> list helpers with the API conventions: one entry per type, order kept,
/// lastTransitionTime moves only when the status flips. <see cref="ConditionUpdate.Changed"/> tells a
/// controller whether a status write is needed at all.
/// </summary>
public static class ConditionSet
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    public static Condition? Find(IReadOnlyList<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(condition => condition.Type == type);

    public static bool IsTrue(IReadOnlyList<Condition>? conditions, string type) => Find(conditions, type)?.Status == True;

    /// <summary>
    /// Sets the condition of <paramref name="desired"/>'s type. Its <c>LastTransitionTime</c> is ignored:
    /// the existing one is kept when the status is unchanged, otherwise it becomes <paramref name="now"/>
    /// (whole seconds, as the API stores it).
    /// </summary>
    public static ConditionUpdate Set(IReadOnlyList<Condition>? conditions, Condition desired, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(desired.Type);
        var current = conditions ?? [];
        var result = new List<Condition>(current.Count + 1);
        var found = false;
        var changed = false;
        foreach (var existing in current)
        {
            if (existing.Type != desired.Type)
            {
                result.Add(existing);
                continue;
            }
            found = true;
            var statusFlipped = existing.Status != desired.Status;
            var updated = desired with
            {
                LastTransitionTime = statusFlipped ? KubernetesTimeConverter.Truncate(now) : existing.LastTransitionTime,
            };
            changed |= updated != existing;
            result.Add(updated);
        }
        if (!found)
        {
            result.Add(desired with { LastTransitionTime = KubernetesTimeConverter.Truncate(now) });
            changed = true;
        }
        return new ConditionUpdate(result, changed);
    }

    /// <summary>Sets a condition from its parts.</summary>
    public static ConditionUpdate Set(
        IReadOnlyList<Condition>? conditions,
        string type,
        string status,
        string reason,
        string message,
        long? observedGeneration,
        DateTimeOffset now) =>
        Set(conditions, new Condition { Type = type, Status = status, Reason = reason, Message = message, ObservedGeneration = observedGeneration }, now);

    public static ConditionUpdate Remove(IReadOnlyList<Condition>? conditions, string type)
    {
        var current = conditions ?? [];
        var kept = current.Where(condition => condition.Type != type).ToList();
        return new ConditionUpdate(kept, kept.Count != current.Count);
    }
}
