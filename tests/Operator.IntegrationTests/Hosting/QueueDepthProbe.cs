using System.Diagnostics.Metrics;

namespace Skyforge.Operator.IntegrationTests.Hosting;

/// <summary>
/// Follows one work queue's depth through the runtime's <c>skyforge_workqueue_depth</c> instrument, in whichever host
/// of this process owns a queue of that name.
/// </summary>
internal sealed class QueueDepthProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _queue;
    private long _depth;

    public QueueDepthProbe(string queue)
    {
        _queue = queue;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Name: "skyforge_workqueue_depth", Meter.Name: "Skyforge.Runtime" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, change, tags, _) =>
        {
            foreach (var (key, value) in tags)
            {
                if (key == "name" && (value as string) == _queue)
                {
                    Interlocked.Add(ref _depth, change);
                }
            }
        });
        _listener.Start();
    }

    public long Depth => Interlocked.Read(ref _depth);

    public void Dispose() => _listener.Dispose();
}
