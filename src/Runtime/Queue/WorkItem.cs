namespace Skyforge.Runtime.Queue;

/// <summary>What <see cref="WorkQueue{T}.GetAsync"/> hands out: an item, or the news that the queue shut down.</summary>
public readonly record struct WorkItem<T>(T Item, bool IsShutdown)
{
    public static WorkItem<T> Shutdown => new(default!, true);
}
