using System.Threading.Channels;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Selectors;

namespace Skyforge.TestKit.ApiServer.Storage;

/// <summary>An open watch: its filter and the queue of lines still to be written to the client.</summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Action<WatchSubscription> _unsubscribe;
    private readonly CancellationTokenSource _dropped = new();

    public WatchSubscription(StorageKey key, string? ns, LabelSelector labels, FieldSelector fields, Action<WatchSubscription> unsubscribe)
    {
        Key = key;
        Namespace = ns;
        Labels = labels;
        Fields = fields;
        _unsubscribe = unsubscribe;
    }

    public StorageKey Key { get; }

    public string? Namespace { get; }

    public LabelSelector Labels { get; }

    public FieldSelector Fields { get; }

    public Channel<WatchMessage> Messages { get; } = Channel.CreateUnbounded<WatchMessage>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Cancelled when the server drops the connection (fault injection or the resource went away).</summary>
    public CancellationToken Dropped => _dropped.Token;

    public bool Matches(JsonObject obj) =>
        (Namespace is null || JsonTree.Namespace(obj) == Namespace)
        && Labels.Matches(obj["metadata"]?["labels"] as JsonObject)
        && Fields.Matches(obj);

    public void Drop()
    {
        try
        {
            _dropped.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already closed by its own request.
        }
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _dropped.Dispose();
    }
}
