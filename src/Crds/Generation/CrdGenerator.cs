using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Crds.Generation;

/// <summary>
/// Builds `apiextensions.k8s.io/v1` CustomResourceDefinitions from the annotated v1alpha1 types.
/// The result is a pure function of the types and their doc comments, so the committed CRDs can be
/// checked against it.
/// </summary>
public sealed class CrdGenerator
{
    private readonly XmlDocumentation? _docs;

    /// <param name="docs">Descriptions for `kubectl explain`; without them the schema validates the same but documents nothing.</param>
    public CrdGenerator(XmlDocumentation? docs) => _docs = docs;

    /// <summary>The generator for the committed CRDs, with every description (needs the XML documentation file).</summary>
    public static CrdGenerator ForSkyforgeKinds() => new(XmlDocumentation.For(typeof(Kinds).Assembly));

    /// <summary>A generator for validation only: same schemas, no descriptions, no documentation file needed.</summary>
    public static CrdGenerator ForValidation() => new(null);

    /// <summary>One CRD per Skyforge kind, keyed by its file name (platform.skyforge.dev_&lt;plural&gt;.yaml).</summary>
    public IReadOnlyList<(string FileName, JsonObject Crd)> GenerateAll() =>
        Kinds.All.Select(type =>
        {
            var crd = Generate(type);
            return ($"{Group.Name}_{type.GetCustomAttribute<KindAttribute>()!.Plural}.yaml", crd);
        }).ToList();

    public JsonObject Generate(Type kindType)
    {
        var kind = kindType.GetCustomAttribute<KindAttribute>()
            ?? throw new ArgumentException($"{kindType.Name} has no [Kind] attribute", nameof(kindType));
        var specType = SpecOrStatusType(kindType, "Spec");
        var statusType = SpecOrStatusType(kindType, "Status");

        var names = new JsonObject
        {
            ["kind"] = kind.Kind,
            ["listKind"] = kind.Kind + "List",
            ["plural"] = kind.Plural,
            ["singular"] = kind.Kind.ToLowerInvariant(),
        };
        if (kind.ShortNames.Count > 0)
        {
            names["shortNames"] = ToArray(kind.ShortNames);
        }
        names["categories"] = new JsonArray(Group.Category);

        var root = new JsonObject
        {
            ["description"] = Describe(kindType),
            ["type"] = "object",
            ["required"] = new JsonArray("spec"),
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject
                {
                    ["description"] = "APIVersion defines the versioned schema of this representation of an object.",
                    ["type"] = "string",
                },
                ["kind"] = new JsonObject
                {
                    ["description"] = "Kind is a string value representing the REST resource this object represents.",
                    ["type"] = "string",
                },
                ["metadata"] = new JsonObject { ["type"] = "object" },
                ["spec"] = ObjectSchema(specType, embedded: false, Describe(specType)),
                ["status"] = ObjectSchema(statusType, embedded: false, Describe(statusType)),
            },
        };

        var columns = new JsonArray();
        foreach (var column in kindType.GetCustomAttributes<PrinterColumnAttribute>().OrderBy(c => c.Order))
        {
            var entry = new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["jsonPath"] = column.JsonPath,
                ["description"] = column.Description,
            };
            if (column.Priority > 0)
            {
                entry["priority"] = column.Priority;
            }
            columns.Add(entry);
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{kind.Plural}.{Group.Name}",
                ["labels"] = new JsonObject { ["app.kubernetes.io/part-of"] = "skyforge" },
            },
            ["spec"] = new JsonObject
            {
                ["group"] = Group.Name,
                ["names"] = names,
                ["scope"] = "Namespaced",
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["name"] = Group.Version,
                    ["served"] = true,
                    ["storage"] = true,
                    ["subresources"] = new JsonObject { ["status"] = new JsonObject() },
                    ["additionalPrinterColumns"] = columns,
                    ["schema"] = new JsonObject { ["openAPIV3Schema"] = root },
                }),
            },
        };
    }

    private static Type SpecOrStatusType(Type kindType, string name) =>
        kindType.GetProperty(name)?.PropertyType is { } type
            ? Nullable.GetUnderlyingType(type) ?? type
            : throw new ArgumentException($"{kindType.Name} has no {name} property");

    private JsonObject ObjectSchema(Type type, bool embedded, string? description)
    {
        var schema = new JsonObject();
        if (description is not null)
        {
            schema["description"] = description;
        }
        schema["type"] = "object";
        var properties = new JsonObject();
        var required = new JsonArray();
        var rules = new JsonArray();
        foreach (var property in OrderedProperties(type))
        {
            var name = JsonName(property);
            properties[name] = PropertySchema(property, embedded);
            if (property.GetCustomAttribute<RequiredFieldAttribute>() is not null)
            {
                required.Add(name);
            }
            if (!embedded && property.GetCustomAttribute<ImmutableAttribute>() is not null
                && property.GetCustomAttribute<RequiredFieldAttribute>() is null
                && property.GetCustomAttribute<DefaultAttribute>() is null)
            {
                // Transition rules on a field run only when it exists on both sides, so adding or
                // removing an optional immutable field is guarded one level up.
                rules.Add(Rule($"has(self.{name}) == has(oldSelf.{name})", $"{name} cannot be added or removed after creation", "." + name));
            }
        }
        schema["properties"] = properties;
        if (required.Count > 0)
        {
            schema["required"] = required;
        }
        foreach (var rule in type.GetCustomAttributes<CelRuleAttribute>())
        {
            rules.Add(Rule(rule.Rule, rule.Message, rule.FieldPath, rule.MessageExpression));
        }
        if (rules.Count > 0)
        {
            schema["x-kubernetes-validations"] = rules;
        }
        return schema;
    }

    private JsonObject PropertySchema(PropertyInfo property, bool embedded)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var description = Describe(property);
        var embedChildren = embedded || property.GetCustomAttribute<EmbeddedSpecAttribute>() is not null;
        var schema = TypeSchema(type, property, embedChildren, description);
        if (description is null)
        {
            schema.Remove("description");
        }

        if (!embedded && property.GetCustomAttribute<DefaultAttribute>() is { } defaultValue)
        {
            schema["default"] = JsonNode.Parse(defaultValue.Json);
        }
        if (property.GetCustomAttribute<MinimumAttribute>() is { } minimum)
        {
            schema["minimum"] = Number(minimum.Value);
        }
        if (property.GetCustomAttribute<MaximumAttribute>() is { } maximum)
        {
            schema["maximum"] = Number(maximum.Value);
        }
        if (property.GetCustomAttribute<MultipleOfAttribute>() is { } multipleOf)
        {
            schema["multipleOf"] = Number(multipleOf.Value);
        }
        if (property.GetCustomAttribute<AllowedNumbersAttribute>() is { } allowed)
        {
            schema["enum"] = new JsonArray(allowed.Values.Select(v => (JsonNode)v).ToArray());
        }
        if (property.GetCustomAttribute<LengthAttribute>() is { } length)
        {
            schema["minLength"] = length.Min;
            schema["maxLength"] = length.Max;
        }
        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema["pattern"] = pattern.Regex;
        }
        if (property.GetCustomAttribute<ItemsAttribute>() is { } items)
        {
            schema["minItems"] = items.Min;
            schema["maxItems"] = items.Max;
        }
        if (property.GetCustomAttribute<MaxPropertiesAttribute>() is { } maxProperties)
        {
            schema["maxProperties"] = maxProperties.Max;
        }
        if (property.GetCustomAttribute<ListMapAttribute>() is { } listMap)
        {
            schema["x-kubernetes-list-type"] = "map";
            schema["x-kubernetes-list-map-keys"] = ToArray(listMap.Keys);
        }
        if (property.GetCustomAttribute<ListSetAttribute>() is not null)
        {
            schema["x-kubernetes-list-type"] = "set";
        }

        var rules = schema["x-kubernetes-validations"] as JsonArray ?? [];
        if (!embedded && property.GetCustomAttribute<ImmutableAttribute>() is not null)
        {
            rules.Add(Rule("self == oldSelf", $"{JsonName(property)} is immutable"));
        }
        foreach (var rule in property.GetCustomAttributes<CelRuleAttribute>())
        {
            rules.Add(Rule(rule.Rule, rule.Message, rule.FieldPath, rule.MessageExpression));
        }
        if (rules.Count > 0)
        {
            schema.Remove("x-kubernetes-validations");
            schema["x-kubernetes-validations"] = rules;
        }
        return schema;
    }

    private string? Describe(Type type) =>
        _docs is null ? null : _docs.ForType(type) ?? throw MissingDoc(type.FullName!);

    private string? Describe(PropertyInfo property) =>
        _docs is null ? null : _docs.ForProperty(property) ?? throw MissingDoc($"{property.DeclaringType!.Name}.{property.Name}");

    private JsonObject TypeSchema(Type type, PropertyInfo property, bool embedded, string? description)
    {
        if (property.GetCustomAttribute<IntOrStringAttribute>() is not null)
        {
            return new JsonObject
            {
                ["description"] = description,
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
                ["x-kubernetes-int-or-string"] = true,
            };
        }
        if (type == typeof(string))
        {
            return Scalar(description, "string");
        }
        if (type == typeof(bool))
        {
            return Scalar(description, "boolean");
        }
        if (type == typeof(int))
        {
            return Scalar(description, "integer", "int32");
        }
        if (type == typeof(long))
        {
            return Scalar(description, "integer", "int64");
        }
        if (type == typeof(double))
        {
            return Scalar(description, "number");
        }
        if (type.IsEnum)
        {
            var schema = Scalar(description, "string");
            schema["enum"] = new JsonArray(EnumValues(type).Select(v => (JsonNode)v).ToArray());
            return schema;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var valueSchema = new JsonObject { ["type"] = "string" };
            if (property.GetCustomAttribute<ItemPatternAttribute>() is { } valuePattern)
            {
                valueSchema["pattern"] = valuePattern.Regex;
            }
            return new JsonObject
            {
                ["description"] = description,
                ["type"] = "object",
                ["additionalProperties"] = valueSchema,
            };
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var itemType = type.GetGenericArguments()[0];
            JsonObject itemSchema;
            if (itemType == typeof(string))
            {
                itemSchema = new JsonObject { ["type"] = "string" };
                if (property.GetCustomAttribute<ItemPatternAttribute>() is { } itemPattern)
                {
                    itemSchema["pattern"] = itemPattern.Regex;
                }
            }
            else
            {
                itemSchema = ObjectSchema(itemType, embedded, null);
            }
            return new JsonObject
            {
                ["description"] = description,
                ["type"] = "array",
                ["items"] = itemSchema,
            };
        }
        if (type.IsClass)
        {
            return ObjectSchema(type, embedded, description);
        }
        throw new NotSupportedException($"{property.DeclaringType!.Name}.{property.Name}: no schema mapping for {type.Name}");
    }

    /// <summary>The wire values of an enum, as System.Text.Json writes them.</summary>
    public static IEnumerable<string> EnumValues(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(f => f.MetadataToken)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

    private static IEnumerable<PropertyInfo> OrderedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(p => p.MetadataToken);

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static JsonObject Scalar(string? description, string type, string? format = null)
    {
        var schema = new JsonObject();
        if (description is not null)
        {
            schema["description"] = description;
        }
        schema["type"] = type;
        if (format is not null)
        {
            schema["format"] = format;
        }
        return schema;
    }

    private static JsonObject Rule(string rule, string message, string? fieldPath = null, string? messageExpression = null)
    {
        var entry = new JsonObject { ["rule"] = rule, ["message"] = message };
        if (messageExpression is not null)
        {
            entry["messageExpression"] = messageExpression;
        }
        if (fieldPath is not null)
        {
            entry["fieldPath"] = fieldPath;
        }
        return entry;
    }

    private static JsonNode Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonValue.Create(double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    private static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static InvalidOperationException MissingDoc(string member) =>
        new($"{member} has no XML doc comment; every schema field needs a description for kubectl explain.");
}
