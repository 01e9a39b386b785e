namespace Skyforge.Runtime.Informers;

/// <summary>Receives an informer's changes. Called on the informer's loop: keep it quick (enqueue, don't work).</summary>
public interface IResourceEventHandler
{
    /// <param name="isInitialList">True while the informer is replaying the objects of its first list (or to a late subscriber).</param>
    void OnAdd(CachedObject obj, bool isInitialList);

    void OnUpdate(CachedObject previous, CachedObject current);

    /// <summary>The object is gone; <paramref name="lastKnown"/> is its final state as far as the informer knows.</summary>
    void OnDelete(CachedObject lastKnown);
}
