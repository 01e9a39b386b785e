using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Tests.Builders.DataServices;

/// <summary>
/// A deterministic <see cref="ISecretSource"/> that remembers every value it handed out, so tests can
/// check where those values do (and must not) appear.
/// </summary>
internal sealed class RecordingSecrets : ISecretSource
{
    private const string Alphanumeric = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Printable ASCII without space, quotes and backslash, as characters: ascii promises.</summary>
    private const string Ascii = Alphanumeric + "!#$%&()*+,-./:;<=>?@[]^_{|}~";

    private readonly Dictionary<string, string> issued = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Values => issued.Values;

    public IReadOnlyCollection<string> Purposes => issued.Keys;

    public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols)
    {
        var key = $"{owner.Key}|{purpose}";
        if (!issued.TryGetValue(key, out var value))
        {
            var seed = (uint)StringComparer.Ordinal.GetHashCode(key) ^ (uint)issued.Count;
            var random = new Random((int)(seed & 0x7fffffff));
            var alphabet = asciiSymbols ? Ascii : Alphanumeric;
            value = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            issued[key] = value;
        }
        return value;
    }

    public string ValueFor(ResourceIdentity owner, string purpose) => issued[$"{owner.Key}|{purpose}"];
}
