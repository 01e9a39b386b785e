using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary><c>metav1.MicroTime</c>: RFC 3339 in UTC with exactly six fractional digits, as Lease and Event times use.</summary>
public sealed class MicroTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        KubernetesTimeConverter.ParseRfc3339(reader.GetString());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Truncates to the precision a <c>metav1.MicroTime</c> round-trips with.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000), TimeSpan.Zero);
}
