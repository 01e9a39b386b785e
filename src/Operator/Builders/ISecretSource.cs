namespace Skyforge.Operator.Builders;

/// <summary>
/// Secret values a builder places into what it builds (master passwords, AUTH tokens, generated
/// keys). Builders stay pure: the caller generates or loads these and passes them in, and `render`
/// redacts every one of them from its output.
/// </summary>
public interface ISecretSource
{
    /// <summary>The value for a purpose (e.g. "master-password"), generated once per resource and purpose.</summary>
    string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols);
}
