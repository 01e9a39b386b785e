using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Models;
using Skyforge.Runtime.Conditions;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>
/// A controller that only writes status, as Skyforge's do: observedGeneration, the size it acted on and
/// a Ready condition, written through <c>/status</c> only when <see cref="StatusComparison"/> sees a change.
/// Counts reconciles and status writes, and remembers the longest failure streak it was called with.
/// </summary>
internal sealed class GadgetStatusReconciler(IKubernetesClient client, SharedInformer gadgets) : IReconciler
{
    private int _reconciles;
    private int _statusWrites;
    private int _longestFailureStreak;

    /// <summary>Reconciles that have finished.</summary>
    public int Reconciles => Volatile.Read(ref _reconciles);

    public int StatusWrites => Volatile.Read(ref _statusWrites);

    public int LongestFailureStreak => Volatile.Read(ref _longestFailureStreak);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        InterlockedMax(ref _longestFailureStreak, request.PreviousFailures);
        try
        {
            if (gadgets.Store.Get(request.Key) is not { } cached)
            {
                return ReconcileResult.Done;
            }
            var gadget = cached.ToJsonObject();
            var stored = gadget["status"] as JsonObject;
            var size = Gadgets.SizeOf(gadget);
            var conditions = stored?["conditions"]?.Deserialize(KubernetesJsonContext.Default.IReadOnlyListCondition);
            var ready = ConditionSet.Set(conditions, "Ready", ConditionSet.True, "Sized", $"size {size} is in place", cached.Generation, TimeProvider.System.GetUtcNow());
            var computed = new JsonObject
            {
                ["observedGeneration"] = cached.Generation,
                ["size"] = size,
                ["conditions"] = JsonSerializer.SerializeToNode(ready.Conditions, KubernetesJsonContext.Default.IReadOnlyListCondition),
            };
            if (!StatusComparison.HasChanged(stored, computed))
            {
                return ReconcileResult.Done;
            }
            gadget["status"] = computed;
            await client.UpdateStatusAsync(Gadgets.Type, gadget, cancellationToken: cancellationToken);
            Interlocked.Increment(ref _statusWrites);
            return ReconcileResult.Done;
        }
        finally
        {
            Interlocked.Increment(ref _reconciles);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
