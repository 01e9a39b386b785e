using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>
/// <c>metav1.Time</c>: RFC 3339 in UTC with whole seconds, the precision the API server stores.
/// Writing sub-second digits would make a value differ from what the server echoes back.
/// </summary>
public sealed class KubernetesTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ParseRfc3339(reader.GetString());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>Truncates to the precision a <c>metav1.Time</c> round-trips with.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    internal static DateTimeOffset ParseRfc3339(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new JsonException($"\"{text}\" is not an RFC 3339 timestamp");
}
