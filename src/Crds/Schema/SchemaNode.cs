using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// One compiled node of a structural schema. Built once by <see cref="SchemaParser"/> and never changed
/// afterwards, so a tree can be shared by concurrent validations.
/// </summary>
internal sealed class SchemaNode
{
    private readonly JsonNode? defaultValue;
    private readonly JsonElement defaultElement;
    private readonly IReadOnlyList<JsonNode?>? enumValues;
    private readonly FrozenDictionary<string, SchemaNode>? properties;
    private readonly KeyValuePair<string, SchemaNode>[] propertyList = [];
    private readonly KeyValuePair<string, SchemaNode>[] defaultedProperties = [];

    public required string SchemaPath { get; init; }

    /// <summary>Object path of the values this node describes (<c>spec.ports[*].name</c>), used to report invalid defaults.</summary>
    public FieldPath ValuePath { get; init; } = FieldPath.Root;

    /// <summary>Declared type, or null for int-or-string, preserve-unknown-fields and junctor nodes.</summary>
    public string? Type { get; init; }

    public bool Nullable { get; init; }

    /// <summary>The format as written in the schema.</summary>
    public string? Format { get; init; }

    /// <summary>The strfmt registry name of <see cref="Format"/> when the API server checks it, else null.</summary>
    public string? CheckedStringFormat { get; init; }

    /// <summary>The default as a read-only tree (null when there is none); insert <see cref="CreateDefault"/> instead.</summary>
    public JsonNode? Default
    {
        get => defaultValue;
        init
        {
            defaultValue = value;
            defaultElement = value is null ? default : JsonSerializer.SerializeToElement(value);
        }
    }

    public double? Maximum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public double? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public double? MultipleOf { get; init; }

    public long? MaxLength { get; init; }

    public long? MinLength { get; init; }

    public Re2Pattern? Pattern { get; init; }

    public string? PatternSource { get; init; }

    public long? MaxItems { get; init; }

    public long? MinItems { get; init; }

    public IReadOnlyList<JsonNode?>? Enum
    {
        get => enumValues;
        init
        {
            enumValues = value;
            EnumStrings = value is not null && value.All(item => JsonValues.KindOf(item) == JsonKind.String)
                ? value.Select(item => JsonValues.GetString((JsonValue)item!)).ToFrozenSet(StringComparer.Ordinal)
                : null;
        }
    }

    /// <summary>The enum as a set when every allowed value is a string (the common case), for fast checks.</summary>
    public FrozenSet<string>? EnumStrings { get; private init; }

    public long? MaxProperties { get; init; }

    public long? MinProperties { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>Declared properties; null when the schema has no <c>properties</c>.</summary>
    public IReadOnlyDictionary<string, SchemaNode>? Properties
    {
        get => properties;
        init
        {
            properties = value?.ToFrozenDictionary(StringComparer.Ordinal);
            propertyList = value?.ToArray() ?? [];
            defaultedProperties = propertyList.Where(property => property.Value.Default is not null).ToArray();
        }
    }

    /// <summary>Declared properties in schema order (the order errors are reported in).</summary>
    public ReadOnlySpan<KeyValuePair<string, SchemaNode>> OrderedProperties => propertyList;

    /// <summary>The properties that declare a <c>default</c>, in schema order.</summary>
    public ReadOnlySpan<KeyValuePair<string, SchemaNode>> DefaultedProperties => defaultedProperties;

    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary><c>additionalProperties: true</c>: any key, any value.</summary>
    public bool AdditionalPropertiesAllowAny { get; init; }

    public SchemaNode? Items { get; init; }

    public IReadOnlyList<SchemaNode> AllOf { get; init; } = [];

    public IReadOnlyList<SchemaNode> AnyOf { get; init; } = [];

    public IReadOnlyList<SchemaNode> OneOf { get; init; } = [];

    public SchemaNode? Not { get; init; }

    public bool PreserveUnknownFields { get; init; }

    public bool IntOrString { get; init; }

    public bool EmbeddedResource { get; init; }

    /// <summary><c>atomic</c>, <c>set</c>, <c>map</c> or null.</summary>
    public string? ListType { get; init; }

    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    /// <summary>CEL rules declared on this node; attached once, right after the node is built.</summary>
    public IReadOnlyList<ValidationRule> Rules { get; internal set; } = [];

    public bool HasDefaultsInSubtree { get; init; }

    public bool HasListTypeInSubtree { get; init; }

    public bool HasEmbeddedResourceInSubtree { get; init; }

    public bool HasRulesInSubtree { get; internal set; }

    /// <summary>Whether a rule using <c>oldSelf</c> is declared here or below, so old values must be tracked.</summary>
    public bool HasTransitionRulesInSubtree { get; internal set; }

    /// <summary>True for nodes whose object values keep <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>.</summary>
    public bool IsResourceRoot { get; init; }

    /// <summary>The type list used in type errors: <c>integer,string</c> for int-or-string.</summary>
    public string? TypeDescription => IntOrString ? "integer,string" : Type;

    /// <summary>Value the API server puts in CEL failure messages (<c>Invalid value: "object"</c>).</summary>
    public string RuleBadValue => Type ?? string.Empty;

    /// <summary>
    /// A fresh copy of the default for insertion into an object. It reads like parsed JSON (numbers
    /// convert to any numeric type) and shares only an immutable document with other copies.
    /// </summary>
    public JsonNode? CreateDefault() => defaultElement.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(defaultElement),
        JsonValueKind.Array => JsonArray.Create(defaultElement),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => JsonValue.Create(defaultElement),
    };

    /// <summary>The schema for a property or map value named <paramref name="key"/>, if declared.</summary>
    public SchemaNode? ChildSchema(string key)
    {
        if (properties is not null && properties.TryGetValue(key, out var property))
        {
            return property;
        }

        return AdditionalProperties;
    }

    /// <summary>The declared property named <paramref name="key"/>, or null (map values are not properties).</summary>
    public SchemaNode? Property(string key) =>
        properties is not null && properties.TryGetValue(key, out var property) ? property : null;

    /// <summary>Whether <paramref name="key"/> is kept by pruning (declared, map entry or preserved).</summary>
    public bool Allows(string key) =>
        properties?.ContainsKey(key) == true
        || AdditionalProperties is not null
        || AdditionalPropertiesAllowAny
        || PreserveUnknownFields
        || (IsResourceRoot && key is "apiVersion" or "kind" or "metadata");
}
