namespace Skyforge.Crds.Schema.Cel;

/// <summary>A CEL <c>optional_type</c> value; <c>oldSelf</c> is one when a rule sets <c>optionalOldSelf</c>.</summary>
internal sealed class CelOptional
{
    public static readonly CelOptional None = new(null);

    private CelOptional(object? value)
    {
        Value = value;
    }

    public object? Value { get; }

    public bool HasValue => Value is not null;

    public static CelOptional Of(object value) => new(value);
}
