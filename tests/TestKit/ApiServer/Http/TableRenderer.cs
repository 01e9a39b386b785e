using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Http;

/// <summary>
/// Server-side printing (<c>Accept: application/json;as=Table;g=meta.k8s.io;v=v1</c>) as kubectl requests it:
/// Name plus the CRD's additionalPrinterColumns (Age when none); built-ins print Name and Age only.
/// Rows carry the object as PartialObjectMetadata unless <c>includeObject=Object</c> (or None).
/// </summary>
internal sealed class TableRenderer
{
    private readonly TimeProvider _time;

    public TableRenderer(TimeProvider time)
    {
        _time = time;
    }

    public static bool IsRequested(string accept) => accept.Contains("as=Table", StringComparison.Ordinal);

    public void Write(Utf8JsonWriter writer, ResourceType type, IEnumerable<JsonObject> objects, string includeObject,
        string? resourceVersion, string? continueToken, int? remainingItemCount)
    {
        var columns = ColumnsOf(type);
        writer.WriteStartObject();
        writer.WriteString("kind", "Table");
        writer.WriteString("apiVersion", "meta.k8s.io/v1");
        writer.WriteStartObject("metadata");
        if (resourceVersion is not null)
        {
            writer.WriteString("resourceVersion", resourceVersion);
        }
        if (continueToken is not null)
        {
            writer.WriteString("continue", continueToken);
        }
        if (remainingItemCount is { } remaining)
        {
            writer.WriteNumber("remainingItemCount", remaining);
        }
        writer.WriteEndObject();
        writer.WriteStartArray("columnDefinitions");
        foreach (var column in columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type == "date" ? "string" : column.Type);
            writer.WriteString("format", column.Name == "Name" ? "name" : column.Format);
            writer.WriteString("description", column.Description);
            writer.WriteNumber("priority", column.Priority);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var obj in objects)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cells");
            foreach (var column in columns)
            {
                WriteCell(writer, column, obj);
            }
            writer.WriteEndArray();
            switch (includeObject)
            {
                case "None":
                    break;
                case "Object":
                    writer.WritePropertyName("object");
                    JsonOutput.WriteObject(writer, obj, type.GroupVersion);
                    break;
                default:
                    writer.WriteStartObject("object");
                    writer.WriteString("kind", "PartialObjectMetadata");
                    writer.WriteString("apiVersion", "meta.k8s.io/v1");
                    writer.WritePropertyName("metadata");
                    (obj["metadata"] ?? new JsonObject()).WriteTo(writer);
                    writer.WriteEndObject();
                    break;
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static List<PrinterColumn> ColumnsOf(ResourceType type)
    {
        var columns = new List<PrinterColumn>
        {
            new("Name", "string", ".metadata.name", "name", "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"),
        };
        columns.AddRange(type.IsCustom ? type.PrinterColumns : [new PrinterColumn("Age", "date", ".metadata.creationTimestamp")]);
        return columns;
    }

    private void WriteCell(Utf8JsonWriter writer, PrinterColumn column, JsonObject obj)
    {
        var value = SimpleJsonPath.Evaluate(obj, column.JsonPath);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        if (column.Type == "date")
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                writer.WriteStringValue(HumanDuration(_time.GetUtcNow() - time));
            }
            else
            {
                writer.WriteStringValue("<unknown>");
            }
            return;
        }
        value.WriteTo(writer);
    }

    /// <summary>Ages like kubectl's <c>duration.HumanDuration</c>: 45s, 5m10s, 3h, 2d5h, 400d.</summary>
    public static string HumanDuration(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }
        var seconds = (long)age.TotalSeconds;
        if (seconds < 120)
        {
            return $"{seconds}s";
        }
        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        }
        if (minutes < 180)
        {
            return $"{minutes}m";
        }
        var hours = minutes / 60;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        }
        if (hours < 48)
        {
            return $"{hours}h";
        }
        var days = hours / 24;
        if (days < 8)
        {
            return hours % 24 == 0 ? $"{days}d" : $"{days}d{hours % 24}h";
        }
        return days < 365 * 2 ? $"{days}d" : $"{days / 365}y{days % 365}d";
    }
}
