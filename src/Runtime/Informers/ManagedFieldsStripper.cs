using System.Buffers;
using System.Text.Json;

namespace Skyforge.Runtime.Informers;

/// <summary>
/// Drops <c>metadata.managedFields</c> from an object before it is cached. The server's field-ownership records are
/// often as large as the object itself and no controller reads them (server-side apply works from the request, and
/// a write that omits them leaves them unchanged), so caching them only costs memory.
/// </summary>
internal static class ManagedFieldsStripper
{
    public static bool HasManagedFields(JsonElement obj) =>
        obj.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("managedFields", out _);

    /// <summary>A compact copy of <paramref name="obj"/> without <c>metadata.managedFields</c>.</summary>
    public static JsonElement Strip(JsonElement obj)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in obj.EnumerateObject())
            {
                if (property.NameEquals("metadata") && property.Value.ValueKind == JsonValueKind.Object)
                {
                    writer.WriteStartObject(property.Name);
                    foreach (var field in property.Value.EnumerateObject())
                    {
                        if (!field.NameEquals("managedFields"))
                        {
                            field.WriteTo(writer);
                        }
                    }
                    writer.WriteEndObject();
                }
                else
                {
                    property.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
