using System.Collections.Concurrent;
using System.Security.Cryptography;
using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Secrets;

/// <summary>
/// Generates secret values with the operating system's CSPRNG, once per owner and purpose, and
/// remembers them so output can be redacted.
/// </summary>
public sealed class RandomSecretSource : ISecretSource
{
    public const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Printable ASCII without space, quotes, backslash, slash and @ (which RDS refuses in passwords).</summary>
    public const string AsciiSymbols = Alphanumeric + "!#$%&()*+,-.:;<=>?[]^_{|}~";

    private readonly ConcurrentDictionary<(string Owner, string Purpose), string> _issued = new();

    public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) =>
        _issued.GetOrAdd((owner.Key, purpose), _ => RandomNumberGenerator.GetString(asciiSymbols ? AsciiSymbols : Alphanumeric, length));

    /// <summary>Every value handed out so far.</summary>
    public IReadOnlyCollection<string> Issued => _issued.Values.ToList();
}
