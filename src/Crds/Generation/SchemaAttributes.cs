namespace Skyforge.Crds.Generation;

// Annotations the CRD generator turns into OpenAPI v3 schema keywords. They describe the wire
// contract only; the C# types stay plain data.

/// <summary>The field must be present (`required` on the parent object).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredFieldAttribute : Attribute;

/// <summary>`default:` — a JSON literal applied by the API server when the field is absent.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}

/// <summary>`minimum:` for numbers.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(double value) : Attribute
{
    public double Value { get; } = value;
}

/// <summary>`maximum:` for numbers.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(double value) : Attribute
{
    public double Value { get; } = value;
}

/// <summary>`multipleOf:` for numbers.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultipleOfAttribute(double value) : Attribute
{
    public double Value { get; } = value;
}

/// <summary>`pattern:` in RE2 syntax (the API server's dialect).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string regex) : Attribute
{
    public string Regex { get; } = regex;
}

/// <summary>`minLength:`/`maxLength:` for strings.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LengthAttribute(int min, int max) : Attribute
{
    public int Min { get; } = min;
    public int Max { get; } = max;
}

/// <summary>`minItems:`/`maxItems:` for arrays.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute(int min, int max) : Attribute
{
    public int Min { get; } = min;
    public int Max { get; } = max;
}

/// <summary>`maxProperties:` for maps.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxPropertiesAttribute(int max) : Attribute
{
    public int Max { get; } = max;
}

/// <summary>`enum:` for a numeric field whose legal values are a fixed set.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AllowedNumbersAttribute(params int[] values) : Attribute
{
    public IReadOnlyList<int> Values { get; } = values;
}

/// <summary>Items of a string array (or map values) must match this pattern.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemPatternAttribute(string regex) : Attribute
{
    public string Regex { get; } = regex;
}

/// <summary>`x-kubernetes-list-type: map` keyed by the given JSON field names.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}

/// <summary>`x-kubernetes-list-type: set`.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListSetAttribute : Attribute;

/// <summary>`x-kubernetes-int-or-string: true` (e.g. `maxSurge: 25%` or `1`).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IntOrStringAttribute : Attribute;

/// <summary>
/// The field cannot change once set: a transition rule `self == oldSelf`. Left out where the type is
/// embedded inside another kind, because there the owning kind's own CRD enforces it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ImmutableAttribute : Attribute;

/// <summary>A CEL rule (`x-kubernetes-validations`) evaluated with `self` bound to the annotated type or field.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;
    public string Message { get; } = message;

    /// <summary>Relative JSONPath the error is reported at, e.g. `.maxReplicas`.</summary>
    public string? FieldPath { get; init; }

    /// <summary>A CEL string expression for the message, so it can name the offending values.</summary>
    public string? MessageExpression { get; init; }
}

/// <summary>
/// The property embeds another kind's spec (AppPlatform composing its data services): emitted
/// without that spec's defaults and transition rules, so the composite's builder can apply its own
/// environment defaults before the child's CRD applies the rest.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmbeddedSpecAttribute : Attribute;

/// <summary>Kind-level CRD metadata: names, printer columns and categories.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KindAttribute(string kind, string plural, params string[] shortNames) : Attribute
{
    public string Kind { get; } = kind;
    public string Plural { get; } = plural;
    public IReadOnlyList<string> ShortNames { get; } = shortNames;
}

/// <summary>An `additionalPrinterColumns` entry.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(int order, string name, string type, string jsonPath, string description) : Attribute
{
    public int Order { get; } = order;
    public string Name { get; } = name;
    public string Type { get; } = type;
    public string JsonPath { get; } = jsonPath;
    public string Description { get; } = description;

    /// <summary>Shown only with `-o wide` when greater than zero.</summary>
    public int Priority { get; init; }
}
