using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Watching;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class WatchStreamReaderTests
{
    private const string Added = """{"type":"ADDED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","namespace":"default","uid":"u-1","resourceVersion":"217"}}}""";
    private const string Modified = """{"type":"MODIFIED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","namespace":"default","uid":"u-1","resourceVersion":"230"},"data":{"k":"v"}}}""";
    private const string Deleted = """{"type":"DELETED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","namespace":"default","uid":"u-1","resourceVersion":"231"}}}""";
    private const string Bookmark = """{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"964","annotations":{"k8s.io/initial-events-end":"true"}}}}""";
    private const string Expired = """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 100 (964)","reason":"Expired","code":410}}""";

    private static async Task<List<WatchEvent<T>>> ReadAllAsync<T>(Stream stream, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var events = new List<WatchEvent<T>>();
        await foreach (var watchEvent in WatchStreamReader.ReadAsync(stream, typeInfo, CancellationToken.None))
        {
            events.Add(watchEvent);
        }
        return events;
    }

    [Fact]
    public async Task Events_are_read_line_by_line_with_their_resource_versions()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes($"{Added}\n{Modified}\n\n{Bookmark}\n{Deleted}\n"));

        var events = await ReadAllAsync(stream, KubernetesJsonContext.Default.JsonObject);

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Bookmark, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal(["217", "230", "964", "231"], events.Select(e => e.ResourceVersion));
        Assert.Equal("v", (string?)events[1].Object["data"]!["k"]);
    }

    [Fact]
    public async Task Events_split_across_reads_and_a_final_event_without_newline_are_complete()
    {
        var stream = new TrickleStream(Encoding.UTF8.GetBytes($"{Added}\r\n{Modified}"), chunkSize: 7);

        var events = await ReadAllAsync(stream, KubernetesJsonContext.Default.ConfigMap);

        Assert.Equal(2, events.Count);
        Assert.Equal("a", events[0].Object.Metadata.Name);
        Assert.Equal("v", events[1].Object.Data!["k"]);
    }

    [Fact]
    public async Task An_error_event_with_410_ends_the_stream_as_gone()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes($"{Added}\n{Expired}\n{Modified}\n"));
        var seen = new List<WatchEventType>();

        var error = await Assert.ThrowsAsync<KubernetesGoneException>(async () =>
        {
            await foreach (var watchEvent in WatchStreamReader.ReadAsync(stream, KubernetesJsonContext.Default.JsonElement, CancellationToken.None))
            {
                seen.Add(watchEvent.Type);
            }
        });

        Assert.Equal([WatchEventType.Added], seen);
        Assert.Equal(410, error.StatusCode);
        Assert.Contains("too old resource version", error.Message);
    }

    [Fact]
    public void Unstructured_elements_are_handed_out_without_a_copy_through_the_serializer()
    {
        var watchEvent = WatchStreamReader.ParseEvent(new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Added)), KubernetesJsonContext.Default.JsonElement);
        Assert.Equal(JsonValueKind.Object, watchEvent.Object.ValueKind);
        Assert.Equal("a", watchEvent.Object.GetProperty("metadata").GetProperty("name").GetString());
    }

    [Fact]
    public void Unknown_event_types_are_rejected()
    {
        var text = JsonNode.Parse(Added)!.AsObject();
        text["type"] = "SURPRISE";
        Assert.Throws<JsonException>(() => WatchStreamReader.ParseEvent(new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text.ToJsonString())), KubernetesJsonContext.Default.JsonObject));
    }

    /// <summary>Hands out a few bytes per read, like a chunked network stream.</summary>
    private sealed class TrickleStream(byte[] data, int chunkSize) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var length = Math.Min(Math.Min(count, chunkSize), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, length);
            _position += length;
            return length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
