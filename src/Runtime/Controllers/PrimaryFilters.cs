using Skyforge.Runtime.Informers;

namespace Skyforge.Runtime.Controllers;

/// <summary>Ready-made filters for <see cref="ControllerDefinition.PrimaryFilter"/>.</summary>
public static class PrimaryFilters
{
    /// <summary>
    /// Enqueues adds, spec changes (generation), label/annotation/finalizer changes and deletion
    /// starts; skips updates that only touched status, such as the controller's own status writes.
    /// </summary>
    public static bool GenerationOrMetadataChanged(CachedObject? previous, CachedObject current)
    {
        if (previous is null)
        {
            return true;
        }
        var before = previous.Metadata;
        var after = current.Metadata;
        return before.Generation != after.Generation
            || before.DeletionTimestamp != after.DeletionTimestamp
            || !SameMap(before.Labels, after.Labels)
            || !SameMap(before.Annotations, after.Annotations)
            || !(before.Finalizers ?? []).SequenceEqual(after.Finalizers ?? []);
    }

    private static bool SameMap(IReadOnlyDictionary<string, string>? left, IReadOnlyDictionary<string, string>? right)
    {
        left ??= new Dictionary<string, string>();
        right ??= new Dictionary<string, string>();
        return left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
