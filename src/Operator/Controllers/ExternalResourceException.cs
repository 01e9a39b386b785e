namespace Skyforge.Operator.Controllers;

/// <summary>
/// A provider's failure that users must see with a stable reason (e.g. SourceNotFound). The message
/// names identifiers and fields only, never a secret value.
/// </summary>
public sealed class ExternalResourceException(string reason, string message) : Exception(message)
{
    /// <summary>The CamelCase condition reason.</summary>
    public string Reason { get; } = reason;
}
