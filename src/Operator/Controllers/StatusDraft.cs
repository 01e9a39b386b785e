using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Models;
using Skyforge.Runtime.Conditions;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.Controllers;

/// <summary>
/// The status a reconcile computes, starting from the stored one: conditions through
/// <see cref="ConditionSet"/>, phase, observedGeneration and the kind's own members. Knows whether
/// anything differs from what is stored, so the reconciler writes only real changes.
/// </summary>
internal sealed class StatusDraft
{
    private readonly JsonObject? _stored;
    private readonly DateTimeOffset _now;
    private readonly Condition? _storedReady;
    private IReadOnlyList<Condition> _conditions;

    public StatusDraft(CachedObject cached, DateTimeOffset now)
    {
        Current = cached.ToJsonObject();
        _stored = Current["status"] as JsonObject;
        _now = now;
        Computed = (JsonObject?)_stored?.DeepClone() ?? [];
        _conditions = Computed["conditions"] is JsonArray conditions
            ? conditions.Deserialize(KubernetesJsonContext.Default.IReadOnlyListCondition) ?? []
            : [];
        _storedReady = ConditionSet.Find(_conditions, ConditionReasons.Ready);
        ObservedGeneration = (Computed["observedGeneration"] as JsonValue)?.GetValue<long>();
        WasEverReady = _storedReady is not null && (_storedReady.Status == ConditionSet.True || _storedReady.Reason is ConditionReasons.Updating);
    }

    /// <summary>The newest full object this reconcile knows (its resourceVersion guards every write).</summary>
    public JsonObject Current { get; set; }

    public JsonObject Computed { get; }

    public long? ObservedGeneration { get; }

    /// <summary>Whether the stored Ready condition is True.</summary>
    public bool IsReady => ConditionSet.IsTrue(_conditions, ConditionReasons.Ready);

    /// <summary>Whether the resource has been available before (so a transition is an update, not the first create).</summary>
    public bool WasEverReady { get; }

    public string? Phase { get; set; }

    public void Set(string type, string status, string reason, string message) =>
        _conditions = ConditionSet.Set(_conditions, type, status, reason, message, null, _now).Conditions;

    public void Remove(string type) => _conditions = ConditionSet.Remove(_conditions, type).Conditions;

    /// <summary>Synced=False with the reason; Ready keeps True (the service still runs) but otherwise carries the reason too.</summary>
    public void Failed(string reason, string message)
    {
        Set(ConditionReasons.Synced, ConditionSet.False, reason, message);
        if (!IsReady)
        {
            Set(ConditionReasons.Ready, ConditionSet.False, reason, message);
        }
    }

    /// <summary>Members set to null are removed.</summary>
    public void Merge(JsonObject? fields)
    {
        foreach (var (name, value) in fields ?? [])
        {
            if (value is null)
            {
                Computed.Remove(name);
            }
            else
            {
                Computed[name] = value.DeepClone();
            }
        }
    }

    /// <summary>Completes the computed status; returns whether it differs from the stored one, and the Ready condition when it changed.</summary>
    public (bool Changed, Condition? ReadyChanged) Finish(long? generation)
    {
        var stamped = _conditions.Select(condition => condition with { ObservedGeneration = generation }).ToList();
        Computed["conditions"] = JsonSerializer.SerializeToNode(stamped, KubernetesJsonContext.Default.IReadOnlyListCondition);
        Computed["observedGeneration"] = generation;
        if (Phase is not null)
        {
            Computed["phase"] = Phase;
        }
        var ready = ConditionSet.Find(stamped, ConditionReasons.Ready);
        var readyChanged = ready is not null && (ready.Status != _storedReady?.Status || ready.Reason != _storedReady?.Reason) ? ready : null;
        return (StatusComparison.HasChanged(_stored, Computed), readyChanged);
    }
}
