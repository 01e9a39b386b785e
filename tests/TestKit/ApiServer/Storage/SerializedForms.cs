using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Storage;

/// <summary>
/// The UTF-8 JSON of each frozen stored object, computed once at commit: responses copy these bytes
/// instead of re-serialising node trees, which dominates the cost of large lists and watches.
/// </summary>
internal static class SerializedForms
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ConditionalWeakTable<JsonObject, Forms> Cache = new();

    public static byte[] Serialize(JsonNode node, Func<string, bool>? includeProperty = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (includeProperty is not null && node is JsonObject obj)
            {
                writer.WriteStartObject();
                foreach (var (key, value) in obj)
                {
                    if (includeProperty(key))
                    {
                        writer.WritePropertyName(key);
                        if (value is null)
                        {
                            writer.WriteNullValue();
                        }
                        else
                        {
                            value.WriteTo(writer);
                        }
                    }
                }
                writer.WriteEndObject();
            }
            else
            {
                node.WriteTo(writer);
            }
        }
        return buffer.ToArray();
    }

    public static void Remember(JsonObject frozen, byte[] json) => Cache.AddOrUpdate(frozen, new Forms(frozen, json));

    public static Forms? Of(JsonObject obj) => Cache.TryGetValue(obj, out var forms) ? forms : null;

    /// <summary>The stored JSON, and (on first use) the same without kind/apiVersion for built-in list items.</summary>
    internal sealed class Forms
    {
        private readonly Lazy<byte[]> _withoutTypeMeta;

        public Forms(JsonObject frozen, byte[] full)
        {
            Full = full;
            ApiVersion = JsonTree.GetString(frozen, "apiVersion");
            _withoutTypeMeta = new Lazy<byte[]>(() => Serialize(frozen, key => key is not ("apiVersion" or "kind")));
        }

        public byte[] Full { get; }

        public string? ApiVersion { get; }

        public byte[] WithoutTypeMeta => _withoutTypeMeta.Value;
    }
}
