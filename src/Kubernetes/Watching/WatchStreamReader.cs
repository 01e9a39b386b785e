using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Watching;

/// <summary>
/// Reads a watch response body: one JSON event per line, <c>{"type":…,"object":…}</c>. An ERROR event
/// ends the stream with the exception its Status maps to (410 Expired as <see cref="KubernetesGoneException"/>).
/// </summary>
public static class WatchStreamReader
{
    public static async IAsyncEnumerable<WatchEvent<T>> ReadAsync<T>(
        Stream stream,
        JsonTypeInfo<T> typeInfo,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(stream);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                while (TrySliceLine(ref buffer, out var line))
                {
                    if (!IsBlank(line))
                    {
                        yield return ParseEvent(line, typeInfo);
                    }
                }
                if (result.IsCompleted)
                {
                    if (!IsBlank(buffer))
                    {
                        yield return ParseEvent(buffer, typeInfo);
                    }
                    yield break;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    /// <summary>Parses one serialized watch event.</summary>
    /// <exception cref="KubernetesApiException">The event is an ERROR event.</exception>
    /// <exception cref="JsonException">The text is not a watch event.</exception>
    public static WatchEvent<T> ParseEvent<T>(ReadOnlySequence<byte> json, JsonTypeInfo<T> typeInfo)
    {
        var jsonReader = new Utf8JsonReader(json);
        // ParseValue copies into an element of its own, so the pipe buffer can be reused afterwards.
        var root = JsonElement.ParseValue(ref jsonReader);
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement)
            || !root.TryGetProperty("object", out var objectElement))
        {
            throw new JsonException("a watch event needs \"type\" and \"object\"");
        }
        var type = typeElement.GetString() switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => throw ErrorFrom(objectElement),
            var other => throw new JsonException($"unknown watch event type \"{other}\""),
        };
        var resourceVersion = objectElement.TryGetProperty("metadata", out var metadata)
            && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("resourceVersion", out var version)
            ? version.GetString()
            : null;
        var value = objectElement is T element ? element : objectElement.Deserialize(typeInfo)!;
        return new WatchEvent<T>(type, value, resourceVersion);
    }

    private static KubernetesApiException ErrorFrom(JsonElement statusElement)
    {
        var status = statusElement.Deserialize(KubernetesJsonContext.Default.ApiStatus);
        return ApiErrors.FromStatus(status?.Code ?? 500, status);
    }

    private static bool TrySliceLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }
        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private static bool IsBlank(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
