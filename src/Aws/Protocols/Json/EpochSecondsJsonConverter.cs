using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Aws.Protocols.Json;

/// <summary>awsJson1_1 timestamps: epoch seconds with optional fraction (ISO 8601 strings are accepted too).</summary>
public sealed class EpochSecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var milliseconds = (long)Math.Round(reader.GetDouble() * 1000, MidpointRounding.AwayFromZero);
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }
        var text = reader.GetString() ?? throw new JsonException("Null timestamp.");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);
}
