using System.Collections.Concurrent;
using Skyforge.Runtime.Events;

namespace Skyforge.Operator.Tests.Controllers;

internal sealed class RecordingEventRecorder : IEventRecorder
{
    public ConcurrentQueue<(EventKind Kind, string Reason, string Message)> Events { get; } = new();

    public void Record(EventTarget target, EventKind kind, string reason, string message) => Events.Enqueue((kind, reason, message));
}
