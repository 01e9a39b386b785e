namespace Skyforge.Crds.Schema;

/// <summary>The API server's <c>field.ErrorType</c>s that validation produces.</summary>
internal enum FieldErrorKind
{
    Required,
    Invalid,
    TypeInvalid,
    NotSupported,
    TooLong,
    TooMany,
    Duplicate,
    Forbidden,
    UnknownField,
}
