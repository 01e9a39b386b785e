namespace Skyforge.TestKit.ApiServer.Errors;

/// <summary>
/// A field-level validation failure worded like the API server's field errors:
/// <see cref="Detail"/> starts with the error type ("Required value", "Invalid value: ...").
/// </summary>
public sealed record FieldProblem(string Field, string Detail)
{
    /// <summary>The cause reason the API server uses for this detail, derived from its wording.</summary>
    public string Reason => Detail switch
    {
        _ when Detail.StartsWith("Required value", StringComparison.Ordinal) => "FieldValueRequired",
        _ when Detail.StartsWith("Unsupported value", StringComparison.Ordinal) => "FieldValueNotSupported",
        _ when Detail.StartsWith("Duplicate value", StringComparison.Ordinal) => "FieldValueDuplicate",
        _ when Detail.StartsWith("Forbidden", StringComparison.Ordinal) => "FieldValueForbidden",
        _ when Detail.StartsWith("Too long", StringComparison.Ordinal) => "FieldValueTooLong",
        _ when Detail.StartsWith("Too many", StringComparison.Ordinal) => "FieldValueTooMany",
        _ when Detail.StartsWith("Not found", StringComparison.Ordinal) => "FieldValueNotFound",
        _ when Detail.StartsWith("Internal error", StringComparison.Ordinal) => "InternalError",
        _ => "FieldValueInvalid",
    };

    public override string ToString() => Field.Length == 0 ? Detail : $"{Field}: {Detail}";
}
