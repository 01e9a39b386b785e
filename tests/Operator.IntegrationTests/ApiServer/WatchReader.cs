using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

/// <summary>Reads a watch response line by line; <see cref="NextAsync"/> returns null when the stream ends.</summary>
internal sealed class WatchReader : IAsyncDisposable
{
    private readonly HttpRequestMessage _request;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    public WatchReader(HttpRequestMessage request, HttpResponseMessage response, Stream body)
    {
        _request = request;
        _response = response;
        _reader = new StreamReader(body);
    }

    public string ContentType => _response.Content.Headers.ContentType?.MediaType ?? "";

    /// <summary>The next event, or null at the end of the stream.</summary>
    /// <exception cref="TimeoutException">No line arrived within <paramref name="timeout"/>.</exception>
    public async Task<JsonObject?> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            var line = await _reader.ReadLineAsync(cancel.Token);
            return line is null ? null : (JsonObject)JsonNode.Parse(line)!;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException("no watch event arrived in time");
        }
    }

    /// <summary>Skips BOOKMARK events and returns the next real one.</summary>
    public async Task<JsonObject> NextChangeAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var next = await NextAsync(timeout) ?? throw new InvalidOperationException("watch ended");
            if (next["type"]!.GetValue<string>() != "BOOKMARK")
            {
                return next;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _request.Dispose();
        return ValueTask.CompletedTask;
    }
}
