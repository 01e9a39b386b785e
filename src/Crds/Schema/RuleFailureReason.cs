namespace Skyforge.Crds.Schema;

/// <summary>The API server's <c>reason</c> values for a failed rule.</summary>
internal enum RuleFailureReason
{
    FieldValueInvalid,
    FieldValueForbidden,
    FieldValueRequired,
    FieldValueDuplicate,
}
