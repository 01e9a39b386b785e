using System.Text.Json.Nodes;
using Skyforge.Crds.Schema.Cel;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Builds the <see cref="SchemaNode"/> tree from an <c>openAPIV3Schema</c> and enforces the API server's
/// structural-schema rules, compiling patterns and CEL rules on the way.
/// </summary>
internal static class SchemaParser
{
    public const string RootPath = "openAPIV3Schema";

    private static readonly HashSet<string> ForbiddenKeywords = new(StringComparer.Ordinal)
    {
        "$ref", "$schema", "id", "definitions", "dependencies", "patternProperties", "additionalItems",
        "readOnly", "writeOnly", "xml", "deprecated", "discriminator",
    };

    private static readonly HashSet<string> KnownKeywords = new(StringComparer.Ordinal)
    {
        "type", "format", "title", "description", "default", "maximum", "exclusiveMaximum", "minimum",
        "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
        "multipleOf", "enum", "maxProperties", "minProperties", "required", "items", "allOf", "oneOf", "anyOf",
        "not", "properties", "additionalProperties", "nullable", "example", "externalDocs",
        "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string",
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-validations",
    };

    private static readonly HashSet<string> JunctorForbiddenKeywords = new(StringComparer.Ordinal)
    {
        "default", "additionalProperties", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource",
        "x-kubernetes-int-or-string", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
        "x-kubernetes-validations",
    };

    private static readonly HashSet<string> RuleKeys = new(StringComparer.Ordinal)
    {
        "rule", "message", "messageExpression", "reason", "fieldPath", "optionalOldSelf",
    };

    private static readonly string[] Types = ["array", "boolean", "integer", "number", "object", "string"];

    private static readonly string[] ScalarTypes = ["boolean", "integer", "number", "string"];

    public static SchemaNode Parse(JsonNode? json)
    {
        var root = ParseStructural(json, RootPath, FieldPath.Root, new NodeContext(IsRoot: true, IsRootMetadata: false, Uncorrelatable: false));
        DefaultsChecker.Check(root);
        return root;
    }

    private static SchemaNode ParseStructural(JsonNode? json, string path, FieldPath valuePath, NodeContext context)
    {
        var obj = json as JsonObject ?? throw Fail(path, "Invalid value: must be a JSON schema object");
        CheckKeywords(obj, path);
        var validations = ReadValueValidations(obj, path);
        var type = ReadType(obj, path);
        var nullable = ReadBool(obj, "nullable", path) ?? false;
        var preserveUnknownFields = ReadBool(obj, "x-kubernetes-preserve-unknown-fields", path);
        var intOrString = ReadBool(obj, "x-kubernetes-int-or-string", path) ?? false;
        var embeddedResource = ReadBool(obj, "x-kubernetes-embedded-resource", path) ?? false;
        var listType = ReadString(obj, "x-kubernetes-list-type", path);
        var listMapKeys = ReadStringList(obj, "x-kubernetes-list-map-keys", path);
        var mapType = ReadString(obj, "x-kubernetes-map-type", path);
        var defaultValue = obj["default"];

        if (preserveUnknownFields == false)
        {
            throw Fail($"{path}.x-kubernetes-preserve-unknown-fields", "Invalid value: false: must be true or undefined");
        }

        var preserve = preserveUnknownFields == true;
        CheckType(path, type, context, intOrString, preserve, embeddedResource);

        var properties = ReadProperties(obj, path, valuePath, context, type);
        var (additionalProperties, allowAnyProperty) = ReadAdditionalProperties(obj, path, valuePath, context, type, properties is not null);
        var items = ReadItems(obj, path, valuePath, context, type, listType);
        CheckListType(path, type, listType, listMapKeys, items);
        if (mapType is not null && mapType is not ("granular" or "atomic"))
        {
            throw Fail($"{path}.x-kubernetes-map-type", $"Unsupported value: {GoFormat.Quote(mapType)}: supported values: \"atomic\", \"granular\"");
        }

        if (mapType is not null && type != "object")
        {
            throw Fail($"{path}.x-kubernetes-map-type", "Invalid value: must only be used on type object");
        }

        if (defaultValue is not null && context.IsRoot)
        {
            throw Fail($"{path}.default", "Forbidden: must not be set at the root");
        }

        if (defaultValue is not null && context.IsRootMetadata)
        {
            throw Fail($"{path}.default", "Forbidden: must not be set inside metadata");
        }

        var counterpart = new Counterpart(properties, items, additionalProperties, intOrString, allowAnyProperty || preserve);
        var node = new SchemaNode
        {
            SchemaPath = path,
            ValuePath = valuePath,
            Type = type,
            Nullable = nullable,
            Format = validations.Format,
            CheckedStringFormat = type == "string" || intOrString ? StringFormats.Normalize(validations.Format) : null,
            Default = JsonMaterializer.Materialize(defaultValue),
            Maximum = validations.Maximum,
            ExclusiveMaximum = validations.ExclusiveMaximum,
            Minimum = validations.Minimum,
            ExclusiveMinimum = validations.ExclusiveMinimum,
            MultipleOf = validations.MultipleOf,
            MaxLength = validations.MaxLength,
            MinLength = validations.MinLength,
            Pattern = validations.Pattern,
            PatternSource = validations.PatternSource,
            MaxItems = validations.MaxItems,
            MinItems = validations.MinItems,
            Enum = validations.Enum,
            MaxProperties = validations.MaxProperties,
            MinProperties = validations.MinProperties,
            Required = validations.Required,
            Properties = properties,
            AdditionalProperties = additionalProperties,
            AdditionalPropertiesAllowAny = allowAnyProperty,
            Items = items,
            AllOf = ReadJunctorList(obj, "allOf", path, valuePath, counterpart),
            AnyOf = ReadJunctorList(obj, "anyOf", path, valuePath, counterpart),
            OneOf = ReadJunctorList(obj, "oneOf", path, valuePath, counterpart),
            Not = obj["not"] is { } notJson ? ParseJunctor(notJson, $"{path}.not", valuePath, counterpart) : null,
            PreserveUnknownFields = preserve,
            IntOrString = intOrString,
            EmbeddedResource = embeddedResource,
            IsResourceRoot = context.IsRoot || embeddedResource,
            ListType = listType,
            ListMapKeys = listMapKeys,
            HasDefaultsInSubtree = defaultValue is not null || Children(properties, additionalProperties, items).Any(child => child.HasDefaultsInSubtree),
            HasListTypeInSubtree = listType is "set" or "map" || Children(properties, additionalProperties, items).Any(child => child.HasListTypeInSubtree),
            HasEmbeddedResourceInSubtree = embeddedResource || Children(properties, additionalProperties, items).Any(child => child.HasEmbeddedResourceInSubtree),
        };

        node.Rules = ReadRules(obj, path, node, context);
        node.HasRulesInSubtree = node.Rules.Count > 0 || Children(properties, additionalProperties, items).Any(child => child.HasRulesInSubtree);
        node.HasTransitionRulesInSubtree = node.Rules.Any(rule => rule.IsTransitionRule)
            || Children(properties, additionalProperties, items).Any(child => child.HasTransitionRulesInSubtree);
        return node;
    }

    private static IEnumerable<SchemaNode> Children(IReadOnlyDictionary<string, SchemaNode>? properties, SchemaNode? additionalProperties, SchemaNode? items)
    {
        if (properties is not null)
        {
            foreach (var property in properties.Values)
            {
                yield return property;
            }
        }

        if (additionalProperties is not null)
        {
            yield return additionalProperties;
        }

        if (items is not null)
        {
            yield return items;
        }
    }

    private static void CheckType(string path, string? type, NodeContext context, bool intOrString, bool preserve, bool embeddedResource)
    {
        if (context.IsRoot && type != "object")
        {
            throw Fail($"{path}.type", type is null
                ? "Required value: must not be empty at the root"
                : $"Unsupported value: {GoFormat.Quote(type)}: supported values: \"object\"");
        }

        if (intOrString && type is not null)
        {
            throw Fail($"{path}.type", $"Invalid value: {GoFormat.Quote(type)}: must be empty if x-kubernetes-int-or-string is true");
        }

        if (type is null && !intOrString && !preserve)
        {
            throw Fail($"{path}.type", "Required value: must not be empty for specified fields (set type, x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields)");
        }

        if (embeddedResource && type != "object")
        {
            throw Fail($"{path}.type", "Invalid value: must be object if x-kubernetes-embedded-resource is true");
        }
    }

    private static Dictionary<string, SchemaNode>? ReadProperties(JsonObject obj, string path, FieldPath valuePath, NodeContext context, string? type)
    {
        if (obj["properties"] is not { } json)
        {
            return null;
        }

        if (json is not JsonObject propertiesJson)
        {
            throw Fail($"{path}.properties", "Invalid value: must be an object of schemas");
        }

        if (type != "object")
        {
            throw Fail($"{path}.type", "Invalid value: must be object if properties are specified");
        }

        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        foreach (var (name, childJson) in propertiesJson)
        {
            var childPath = $"{path}.properties[{name}]";
            var isRootMetadata = context.IsRoot && name == "metadata";
            var childContext = context with { IsRoot = false, IsRootMetadata = context.IsRootMetadata || isRootMetadata };
            var child = ParseStructural(childJson, childPath, valuePath.Child(name), childContext);
            if (isRootMetadata)
            {
                CheckRootMetadata((JsonObject)childJson!, child, childPath);
            }

            properties[name] = child;
        }

        return properties;
    }

    private static void CheckRootMetadata(JsonObject json, SchemaNode metadata, string path)
    {
        const string detail = "Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified";
        if (json.Any(pair => pair.Key is not ("type" or "properties" or "description" or "title"))
            || metadata.Properties?.Keys.Any(name => name is not ("name" or "generateName")) == true)
        {
            throw Fail(path, detail);
        }

        foreach (var (name, property) in metadata.OrderedProperties)
        {
            if (property.Type != "string")
            {
                throw Fail($"{path}.properties[{name}].type", "Unsupported value: must be string");
            }
        }
    }

    private static (SchemaNode? Schema, bool AllowAny) ReadAdditionalProperties(JsonObject obj, string path, FieldPath valuePath, NodeContext context, string? type, bool hasProperties)
    {
        if (!obj.TryGetPropertyValue("additionalProperties", out var json) || json is null)
        {
            return (null, false);
        }

        var keywordPath = $"{path}.additionalProperties";
        if (hasProperties)
        {
            throw Fail(keywordPath, "Forbidden: additionalProperties and properties are mutual exclusive");
        }

        if (type != "object")
        {
            throw Fail($"{path}.type", "Invalid value: must be object if additionalProperties is specified");
        }

        if (json is JsonValue value && JsonValues.KindOf(value) == JsonKind.Boolean)
        {
            return JsonValues.GetBoolean(value)
                ? (null, true)
                : throw Fail(keywordPath, "Forbidden: additionalProperties cannot be set to false");
        }

        var childContext = context with { IsRoot = false };
        return (ParseStructural(json, keywordPath, valuePath.Key("*"), childContext), false);
    }

    private static SchemaNode? ReadItems(JsonObject obj, string path, FieldPath valuePath, NodeContext context, string? type, string? listType)
    {
        if (!obj.TryGetPropertyValue("items", out var json) || json is null)
        {
            if (type == "array")
            {
                throw Fail($"{path}.items", "Required value: must be specified");
            }

            return null;
        }

        if (json is JsonArray)
        {
            throw Fail($"{path}.items", "Forbidden: items must be a schema object and not an array");
        }

        if (type != "array")
        {
            throw Fail($"{path}.type", "Invalid value: must be array if items are specified");
        }

        // Only list-type map entries can be matched with their old version, so transition rules need one.
        var childContext = context with { IsRoot = false, Uncorrelatable = context.Uncorrelatable || listType != "map" };
        return ParseStructural(json, $"{path}.items", valuePath.Key("*"), childContext);
    }

    private static void CheckListType(string path, string? type, string? listType, IReadOnlyList<string> listMapKeys, SchemaNode? items)
    {
        if (listMapKeys.Count > 0 && listType != "map")
        {
            throw Fail($"{path}.x-kubernetes-list-map-keys", "Forbidden: must be empty if x-kubernetes-list-type is not map");
        }

        if (listType is null)
        {
            return;
        }

        var keywordPath = $"{path}.x-kubernetes-list-type";
        if (listType is not ("atomic" or "set" or "map"))
        {
            throw Fail(keywordPath, $"Unsupported value: {GoFormat.Quote(listType)}: supported values: \"atomic\", \"map\", \"set\"");
        }

        if (type != "array")
        {
            throw Fail(keywordPath, "Invalid value: must only be used on type array");
        }

        if (listType == "set" && items is not null && !ScalarTypes.Contains(items.Type) && !items.IntOrString
            && items.ListType != "atomic")
        {
            throw Fail($"{path}.items.type", "Invalid value: must be a scalar type if parent array's x-kubernetes-list-type is set");
        }

        if (listType != "map")
        {
            return;
        }

        if (listMapKeys.Count == 0)
        {
            throw Fail($"{path}.x-kubernetes-list-map-keys", "Required value: must not be empty if x-kubernetes-list-type is map");
        }

        if (items?.Type != "object")
        {
            throw Fail($"{path}.items.type", "Invalid value: must be object if parent array's x-kubernetes-list-type is map");
        }

        foreach (var key in listMapKeys)
        {
            if (items.Properties is null || !items.Properties.TryGetValue(key, out var keySchema))
            {
                throw Fail($"{path}.x-kubernetes-list-map-keys", $"Invalid value: {GoFormat.Quote(key)}: entries must all be names of item properties");
            }

            if (!ScalarTypes.Contains(keySchema.Type) && !keySchema.IntOrString)
            {
                throw Fail($"{path}.items.properties[{key}].type", "Invalid value: must be a scalar type if x-kubernetes-list-map-keys contains this property");
            }
        }
    }

    private static IReadOnlyList<SchemaNode> ReadJunctorList(JsonObject obj, string keyword, string path, FieldPath valuePath, Counterpart counterpart)
    {
        if (obj[keyword] is not { } json)
        {
            return [];
        }

        if (json is not JsonArray array)
        {
            throw Fail($"{path}.{keyword}", "Invalid value: must be a list of schemas");
        }

        return array.Select((item, i) => ParseJunctor(item, $"{path}.{keyword}[{i}]", valuePath, counterpart)).ToList();
    }

    /// <summary>
    /// Parses a node inside allOf/anyOf/oneOf/not. Such nodes may only restrict values: they cannot
    /// introduce types, defaults or fields that the surrounding structural schema does not declare.
    /// </summary>
    private static SchemaNode ParseJunctor(JsonNode? json, string path, FieldPath valuePath, Counterpart counterpart)
    {
        var obj = json as JsonObject ?? throw Fail(path, "Invalid value: must be a JSON schema object");
        CheckKeywords(obj, path);
        foreach (var (key, _) in obj)
        {
            if (JunctorForbiddenKeywords.Contains(key))
            {
                throw Fail($"{path}.{key}", "Forbidden: must not be used inside of allOf, anyOf, oneOf or not");
            }
        }

        var type = ReadType(obj, path);
        if (type is not null && !(counterpart.IntOrString && type is "integer" or "string"))
        {
            throw Fail($"{path}.type", "Forbidden: must be empty to be structural");
        }

        if (ReadBool(obj, "nullable", path) == true)
        {
            throw Fail($"{path}.nullable", "Forbidden: must be false to be structural");
        }

        var validations = ReadValueValidations(obj, path);
        Dictionary<string, SchemaNode>? properties = null;
        if (obj["properties"] is { } propertiesJson)
        {
            if (propertiesJson is not JsonObject propertiesObject)
            {
                throw Fail($"{path}.properties", "Invalid value: must be an object of schemas");
            }

            properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            foreach (var (name, childJson) in propertiesObject)
            {
                var childPath = $"{path}.properties[{name}]";
                properties[name] = ParseJunctor(childJson, childPath, valuePath.Child(name), counterpart.ForProperty(name, childPath));
            }
        }

        SchemaNode? items = null;
        if (obj["items"] is { } itemsJson)
        {
            items = ParseJunctor(itemsJson, $"{path}.items", valuePath.Key("*"), counterpart.ForItems($"{path}.items"));
        }

        return new SchemaNode
        {
            SchemaPath = path,
            ValuePath = valuePath,
            Type = type,
            Format = validations.Format,
            CheckedStringFormat = StringFormats.Normalize(validations.Format),
            Maximum = validations.Maximum,
            ExclusiveMaximum = validations.ExclusiveMaximum,
            Minimum = validations.Minimum,
            ExclusiveMinimum = validations.ExclusiveMinimum,
            MultipleOf = validations.MultipleOf,
            MaxLength = validations.MaxLength,
            MinLength = validations.MinLength,
            Pattern = validations.Pattern,
            PatternSource = validations.PatternSource,
            MaxItems = validations.MaxItems,
            MinItems = validations.MinItems,
            Enum = validations.Enum,
            MaxProperties = validations.MaxProperties,
            MinProperties = validations.MinProperties,
            Required = validations.Required,
            Properties = properties,
            Items = items,
            AllOf = ReadJunctorList(obj, "allOf", path, valuePath, counterpart),
            AnyOf = ReadJunctorList(obj, "anyOf", path, valuePath, counterpart),
            OneOf = ReadJunctorList(obj, "oneOf", path, valuePath, counterpart),
            Not = obj["not"] is { } notJson ? ParseJunctor(notJson, $"{path}.not", valuePath, counterpart) : null,
        };
    }

    private static void CheckKeywords(JsonObject obj, string path)
    {
        foreach (var (key, _) in obj)
        {
            if (ForbiddenKeywords.Contains(key))
            {
                throw Fail($"{path}.{key}", $"Forbidden: {key} is not supported in CustomResourceDefinition schemas");
            }

            if (!KnownKeywords.Contains(key))
            {
                throw Fail($"{path}.{key}", "Forbidden: unknown schema keyword");
            }
        }

        if (ReadBool(obj, "uniqueItems", path) == true)
        {
            throw Fail($"{path}.uniqueItems", "Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic");
        }
    }

    private static ValueValidations ReadValueValidations(JsonObject obj, string path)
    {
        var patternSource = ReadString(obj, "pattern", path);
        Re2Pattern? pattern = null;
        if (patternSource is not null)
        {
            try
            {
                pattern = Re2Pattern.Compile(patternSource);
            }
            catch (ArgumentException exception)
            {
                throw Fail($"{path}.pattern", $"Invalid value: {GoFormat.Quote(patternSource)}: must be a valid regular expression, but isn't: {exception.Message}");
            }
        }

        var multipleOf = ReadNumber(obj, "multipleOf", path);
        if (multipleOf <= 0)
        {
            throw Fail($"{path}.multipleOf", $"Invalid value: {GoFormat.Float(multipleOf.Value)}: must be greater than zero");
        }

        IReadOnlyList<JsonNode?>? enumValues = null;
        if (obj["enum"] is { } enumJson)
        {
            enumValues = enumJson is JsonArray array
                ? array.Select(JsonMaterializer.Materialize).ToList()
                : throw Fail($"{path}.enum", "Invalid value: must be a list");
        }

        var required = ReadStringList(obj, "required", path);
        var duplicate = required.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw Fail($"{path}.required", $"Duplicate value: {GoFormat.Quote(duplicate.Key)}");
        }

        return new ValueValidations(
            ReadNumber(obj, "maximum", path),
            ReadBool(obj, "exclusiveMaximum", path) ?? false,
            ReadNumber(obj, "minimum", path),
            ReadBool(obj, "exclusiveMinimum", path) ?? false,
            multipleOf,
            ReadCount(obj, "maxLength", path),
            ReadCount(obj, "minLength", path),
            pattern,
            patternSource,
            ReadCount(obj, "maxItems", path),
            ReadCount(obj, "minItems", path),
            enumValues,
            ReadCount(obj, "maxProperties", path),
            ReadCount(obj, "minProperties", path),
            required,
            ReadString(obj, "format", path));
    }

    private static IReadOnlyList<ValidationRule> ReadRules(JsonObject obj, string path, SchemaNode node, NodeContext context)
    {
        if (obj["x-kubernetes-validations"] is not { } json)
        {
            return [];
        }

        if (json is not JsonArray array)
        {
            throw Fail($"{path}.x-kubernetes-validations", "Invalid value: must be a list of rules");
        }

        var rules = new List<ValidationRule>();
        for (var i = 0; i < array.Count; i++)
        {
            rules.Add(ReadRule(array[i], $"{path}.x-kubernetes-validations[{i}]", node, context));
        }

        return rules;
    }

    private static ValidationRule ReadRule(JsonNode? json, string rulePath, SchemaNode node, NodeContext context)
    {
        var obj = json as JsonObject ?? throw Fail(rulePath, "Invalid value: must be an object with a rule");
        foreach (var (key, _) in obj)
        {
            if (!RuleKeys.Contains(key))
            {
                throw Fail($"{rulePath}.{key}", "Forbidden: unknown validation rule field");
            }
        }

        var rule = ReadString(obj, "rule", rulePath);
        if (string.IsNullOrWhiteSpace(rule))
        {
            throw Fail($"{rulePath}.rule", "Required value: rule is not specified");
        }

        var message = ReadString(obj, "message", rulePath);
        if (message is not null && (message.Trim().Length == 0 || message.Contains('\n', StringComparison.Ordinal)))
        {
            throw Fail($"{rulePath}.message", "Invalid value: must be non-empty and contain no line breaks");
        }

        var optionalOldSelf = ReadBool(obj, "optionalOldSelf", rulePath) ?? false;
        var environment = new CelEnvironment(node, node.IsResourceRoot, optionalOldSelf);
        var program = CompileRule(rule, environment, $"{rulePath}.rule");
        if (program.ReferencesOldSelf && context.Uncorrelatable)
        {
            throw Fail($"{rulePath}.rule", $"Invalid value: {GoFormat.Quote(rule)}: oldSelf cannot be used on the uncorrelatable portion of the schema (items of a list that is not x-kubernetes-list-type map)");
        }

        if (optionalOldSelf && !program.ReferencesOldSelf)
        {
            throw Fail($"{rulePath}.optionalOldSelf", "Forbidden: may not be set if rule does not use oldSelf");
        }

        var messageExpressionSource = ReadString(obj, "messageExpression", rulePath);
        var messageExpression = messageExpressionSource is null
            ? null
            : CompileRule(messageExpressionSource, environment, $"{rulePath}.messageExpression");

        var reasonText = ReadString(obj, "reason", rulePath);
        RuleFailureReason reason = RuleFailureReason.FieldValueInvalid;
        if (reasonText is not null && !Enum.TryParse(reasonText, ignoreCase: false, out reason))
        {
            throw Fail($"{rulePath}.reason", $"Unsupported value: {GoFormat.Quote(reasonText)}: supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\"");
        }

        var fieldPath = ReadString(obj, "fieldPath", rulePath);
        return new ValidationRule
        {
            Rule = rule,
            Program = program,
            Message = message?.Trim(),
            MessageExpression = messageExpression,
            Reason = reason,
            FieldPath = fieldPath is null ? [] : RuleFieldPathParser.Parse(fieldPath, node, $"{rulePath}.fieldPath"),
            OptionalOldSelf = optionalOldSelf,
        };
    }

    private static CelProgram CompileRule(string source, CelEnvironment environment, string path)
    {
        try
        {
            return CelCompiler.Compile(source, environment);
        }
        catch (CelCompileException exception)
        {
            throw Fail(path, $"Invalid value: {GoFormat.Quote(source)}: compilation failed: {exception.Describe(source)}");
        }
    }

    private static string? ReadType(JsonObject obj, string path)
    {
        var type = ReadString(obj, "type", path);
        if (type is not null && !Types.Contains(type))
        {
            throw Fail($"{path}.type", $"Unsupported value: {GoFormat.Quote(type)}: supported values: {string.Join(", ", Types.Select(GoFormat.Quote))}");
        }

        return type;
    }

    private static bool? ReadBool(JsonObject obj, string key, string path)
    {
        if (obj[key] is not { } json)
        {
            return null;
        }

        return JsonValues.KindOf(json) == JsonKind.Boolean
            ? JsonValues.GetBoolean((JsonValue)json)
            : throw Fail($"{path}.{key}", "Invalid value: must be a boolean");
    }

    private static string? ReadString(JsonObject obj, string key, string path)
    {
        if (obj[key] is not { } json)
        {
            return null;
        }

        return JsonValues.KindOf(json) == JsonKind.String
            ? JsonValues.GetString((JsonValue)json)
            : throw Fail($"{path}.{key}", "Invalid value: must be a string");
    }

    private static IReadOnlyList<string> ReadStringList(JsonObject obj, string key, string path)
    {
        if (obj[key] is not { } json)
        {
            return [];
        }

        if (json is not JsonArray array || array.Any(item => JsonValues.KindOf(item) != JsonKind.String))
        {
            throw Fail($"{path}.{key}", "Invalid value: must be a list of strings");
        }

        return array.Select(item => JsonValues.GetString((JsonValue)item!)).ToList();
    }

    private static double? ReadNumber(JsonObject obj, string key, string path)
    {
        if (obj[key] is not { } json)
        {
            return null;
        }

        return JsonValues.KindOf(json) is JsonKind.Integer or JsonKind.Number
            ? JsonValues.GetDouble((JsonValue)json)
            : throw Fail($"{path}.{key}", "Invalid value: must be a number");
    }

    private static long? ReadCount(JsonObject obj, string key, string path)
    {
        if (obj[key] is not { } json)
        {
            return null;
        }

        if (json is JsonValue value && JsonValues.KindOf(value) == JsonKind.Integer && JsonValues.TryGetInteger(value, out var count) && count >= 0)
        {
            return count;
        }

        throw Fail($"{path}.{key}", "Invalid value: must be a non-negative integer");
    }

    private static SchemaDefinitionException Fail(string path, string detail) => new(path, detail);

    private readonly record struct NodeContext(bool IsRoot, bool IsRootMetadata, bool Uncorrelatable);

    private sealed record ValueValidations(
        double? Maximum,
        bool ExclusiveMaximum,
        double? Minimum,
        bool ExclusiveMinimum,
        double? MultipleOf,
        long? MaxLength,
        long? MinLength,
        Re2Pattern? Pattern,
        string? PatternSource,
        long? MaxItems,
        long? MinItems,
        IReadOnlyList<JsonNode?>? Enum,
        long? MaxProperties,
        long? MinProperties,
        IReadOnlyList<string> Required,
        string? Format);

    /// <summary>The structural node a junctor node restricts; junctors may only mention what it declares.</summary>
    private sealed record Counterpart(
        IReadOnlyDictionary<string, SchemaNode>? Properties,
        SchemaNode? Items,
        SchemaNode? AdditionalProperties,
        bool IntOrString,
        bool AcceptsAnything)
    {
        private static readonly Counterpart Anything = new(null, null, null, false, true);

        public static Counterpart Of(SchemaNode node) => new(
            node.Properties,
            node.Items,
            node.AdditionalProperties,
            node.IntOrString,
            node.AdditionalPropertiesAllowAny || node.PreserveUnknownFields);

        public Counterpart ForProperty(string name, string path)
        {
            if (Properties is not null && Properties.TryGetValue(name, out var property))
            {
                return Of(property);
            }

            if (AdditionalProperties is not null)
            {
                return Of(AdditionalProperties);
            }

            return AcceptsAnything
                ? Anything
                : throw Fail(path, "Forbidden: must have a corresponding property in the structural schema outside allOf, anyOf, oneOf and not");
        }

        public Counterpart ForItems(string path)
        {
            if (Items is not null)
            {
                return Of(Items);
            }

            return AcceptsAnything
                ? Anything
                : throw Fail(path, "Forbidden: must have corresponding items in the structural schema outside allOf, anyOf, oneOf and not");
        }
    }
}
