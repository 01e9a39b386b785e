namespace Skyforge.TestKit.ApiServer.Operations;

/// <summary>The query parameters that shape a write: dryRun, fieldManager, fieldValidation, force.</summary>
internal sealed record WriteOptions(
    bool DryRun = false,
    string? FieldManager = null,
    FieldValidationMode FieldValidation = FieldValidationMode.Warn,
    bool Force = false,
    string UserAgent = "")
{
    /// <summary>The manager recorded for non-apply writes: fieldManager, else the User-Agent's product name.</summary>
    public string EffectiveManager =>
        !string.IsNullOrEmpty(FieldManager) ? FieldManager
        : UserAgent.Split('/')[0] is { Length: > 0 } product ? product
        : "unknown";
}

/// <summary><c>fieldValidation</c>: what to do with unknown or duplicate fields.</summary>
internal enum FieldValidationMode
{
    Ignore,
    Warn,
    Strict,
}
