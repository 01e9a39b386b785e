using System.Globalization;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Accumulates field errors with API server wording and remembers whether any of them is of a kind
/// that stops CEL rules from running (type, required, enum, maxLength, maxItems/maxProperties).
/// </summary>
internal sealed class ErrorCollector
{
    private const string NoPath = "<nil>";

    private readonly List<(FieldErrorKind Kind, FieldError Error)> entries = [];

    public int Count => entries.Count;

    public bool HasBlockingError { get; private set; }

    public IReadOnlyList<FieldError> Errors => entries.Select(entry => entry.Error).ToList();

    public void Required(FieldPath path, string detail = "") =>
        Add(path, FieldErrorKind.Required, detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public void Invalid(FieldPath path, string badValue, string detail) =>
        Add(path, FieldErrorKind.Invalid, $"Invalid value: {badValue}: {detail}");

    public void TypeInvalid(FieldPath path, string badValue, string detail) =>
        Add(path, FieldErrorKind.TypeInvalid, $"Invalid value: {badValue}: {detail}");

    public void NotSupported(FieldPath path, string badValue, IEnumerable<string> supportedValues)
    {
        var quoted = string.Join(", ", supportedValues.Select(GoFormat.Quote));
        var message = quoted.Length == 0
            ? $"Unsupported value: {badValue}"
            : $"Unsupported value: {badValue}: supported values: {quoted}";
        Add(path, FieldErrorKind.NotSupported, message);
    }

    public void TooLong(FieldPath path, long maxLength) =>
        Add(path, FieldErrorKind.TooLong, $"Too long: may not be more than {Quantity(maxLength, "byte")}");

    public void TooMany(FieldPath path, long actual, long max) =>
        Add(path, FieldErrorKind.TooMany, $"Too many: {actual.ToString(CultureInfo.InvariantCulture)}: must have at most {Quantity(max, "item")}");

    public void Duplicate(FieldPath path, string badValue) =>
        Add(path, FieldErrorKind.Duplicate, $"Duplicate value: {badValue}");

    public void Forbidden(FieldPath path, string detail) =>
        Add(path, FieldErrorKind.Forbidden, detail.Length == 0 ? "Forbidden" : $"Forbidden: {detail}");

    public void UnknownField(FieldPath path) =>
        Add(path, FieldErrorKind.UnknownField, "field not declared in schema");

    /// <summary>An error the API server reports without a field path (rendered as <c>&lt;nil&gt;</c>).</summary>
    public void InvalidWithoutPath(string badValue, string detail) =>
        Append(FieldErrorKind.Invalid, new FieldError(NoPath, $"Invalid value: {badValue}: {detail}"));

    public void AddRange(ErrorCollector other)
    {
        foreach (var (kind, error) in other.entries)
        {
            Append(kind, error);
        }
    }

    private static string Quantity(long count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";

    // The API server has no path for the object itself and prints it as "<nil>".
    private void Add(FieldPath path, FieldErrorKind kind, string message) =>
        Append(kind, new FieldError(path.IsRoot ? NoPath : path.ToString(), message));

    private void Append(FieldErrorKind kind, FieldError error)
    {
        entries.Add((kind, error));
        if (kind is FieldErrorKind.TypeInvalid or FieldErrorKind.Required or FieldErrorKind.NotSupported
            or FieldErrorKind.TooLong or FieldErrorKind.TooMany)
        {
            HasBlockingError = true;
        }
    }
}
