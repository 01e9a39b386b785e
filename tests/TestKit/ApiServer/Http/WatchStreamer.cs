using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Http;

/// <summary>
/// Streams one watch: a chunked <c>application/json</c> response with one event per line, periodic
/// BOOKMARKs when asked for, graceful end at the timeout, and an abrupt abort when the watch is dropped.
/// </summary>
internal sealed class WatchStreamer
{
    private readonly ObjectStore _store;
    private readonly TableRenderer _tables;
    private readonly TimeProvider _time;
    private readonly TimeSpan _bookmarkInterval;

    public WatchStreamer(ObjectStore store, TableRenderer tables, TimeProvider time, TimeSpan bookmarkInterval)
    {
        _store = store;
        _tables = tables;
        _time = time;
        _bookmarkInterval = bookmarkInterval;
    }

    public static Func<JsonObject, JsonObject> BookmarkFactory(ResourceType type) => metadata => new JsonObject
    {
        ["kind"] = type.Kind,
        ["apiVersion"] = type.GroupVersion,
        ["metadata"] = metadata,
    };

    public async Task StreamAsync(HttpContext http, ResourceType type, WatchSubscription subscription, bool bookmarks,
        TimeSpan timeout, bool asTable, string includeObject)
    {
        var response = http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-cache, private";
        await response.StartAsync(http.RequestAborted);
        await response.Body.FlushAsync(http.RequestAborted);

        var reader = subscription.Messages.Reader;
        var endAt = _time.GetUtcNow() + timeout;
        var nextBookmark = _time.GetUtcNow() + _bookmarkInterval;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, subscription.Dropped);
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                if (now >= endAt)
                {
                    return;
                }
                if (bookmarks && now >= nextBookmark)
                {
                    _store.Bookmark(subscription, BookmarkFactory(type));
                    nextBookmark = now + _bookmarkInterval;
                }
                var wait = endAt - now;
                if (bookmarks && nextBookmark - now < wait)
                {
                    wait = nextBookmark - now;
                }
                using var waitLimit = new CancellationTokenSource(wait, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, waitLimit.Token);
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(linked.Token);
                }
                catch (OperationCanceledException) when (waitLimit.IsCancellationRequested && !stop.IsCancellationRequested)
                {
                    continue;
                }
                while (reader.TryRead(out var message))
                {
                    await WriteEventAsync(response, type, message, asTable, includeObject, stop.Token);
                }
                await response.Body.FlushAsync(stop.Token);
                if (!more)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (subscription.Dropped.IsCancellationRequested)
        {
            http.Abort();
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private async Task WriteEventAsync(HttpResponse response, ResourceType type, WatchMessage message, bool asTable,
        string includeObject, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, SerializedForms.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", message.Type);
            writer.WritePropertyName("object");
            if (message.Type is "ERROR" or "BOOKMARK")
            {
                message.Object.WriteTo(writer);
            }
            else if (asTable)
            {
                _tables.Write(writer, type, [message.Object], includeObject, JsonTree.GetString(message.Object, "metadata", "resourceVersion"), null, null);
            }
            else
            {
                JsonOutput.WriteObject(writer, message.Object, type.GroupVersion);
            }
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, cancellationToken);
    }
}
