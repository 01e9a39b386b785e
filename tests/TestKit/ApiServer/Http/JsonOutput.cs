using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Http;

/// <summary>Writes JSON responses straight from stored (frozen) trees without copying them.</summary>
internal static class JsonOutput
{

    public static async Task WriteAsync(HttpResponse response, int statusCode, Action<Utf8JsonWriter> write, IReadOnlyList<string>? warnings = null)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        foreach (var warning in warnings ?? [])
        {
            response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, SerializedForms.WriterOptions))
        {
            write(writer);
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body);
    }

    public static Task WriteAsync(HttpResponse response, int statusCode, JsonNode body, IReadOnlyList<string>? warnings = null) =>
        WriteAsync(response, statusCode, writer => body.WriteTo(writer), warnings);

    /// <summary>Writes an object, replacing its apiVersion (version conversion) and optionally omitting kind/apiVersion.</summary>
    public static void WriteObject(Utf8JsonWriter writer, JsonObject obj, string? apiVersion, bool omitTypeMeta = false)
    {
        if (SerializedForms.Of(obj) is { } forms)
        {
            if (omitTypeMeta)
            {
                writer.WriteRawValue(forms.WithoutTypeMeta, skipInputValidation: true);
                return;
            }
            if (apiVersion is null || apiVersion == forms.ApiVersion)
            {
                writer.WriteRawValue(forms.Full, skipInputValidation: true);
                return;
            }
        }
        writer.WriteStartObject();
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" && omitTypeMeta)
            {
                continue;
            }
            writer.WritePropertyName(key);
            if (key == "apiVersion" && apiVersion is not null)
            {
                writer.WriteStringValue(apiVersion);
            }
            else if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    }
}
