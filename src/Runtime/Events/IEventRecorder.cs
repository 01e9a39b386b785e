namespace Skyforge.Runtime.Events;

/// <summary>Publishes Kubernetes Events about objects. Messages are shown to users: never put a secret in one.</summary>
public interface IEventRecorder
{
    /// <summary>Queues the event and returns at once; writing happens in the background and never fails the caller.</summary>
    void Record(EventTarget target, EventKind kind, string reason, string message);
}
