using System.Security.Cryptography;
using System.Text;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>Short, stable digests of text: the same input gives the same characters in every process and release.</summary>
internal static class StableHash
{
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The first <paramref name="length"/> lower-case RFC 4648 base32 characters of SHA-256(input).</summary>
    public static string Base32(string input, int length)
    {
        var digest = Digest(input);
        var text = new StringBuilder(length);
        var buffer = 0;
        var bits = 0;
        var index = 0;
        while (text.Length < length)
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | digest[index++];
                bits += 8;
            }
            bits -= 5;
            text.Append(Base32Alphabet[(buffer >> bits) & 0x1f]);
        }
        return text.ToString();
    }

    /// <summary>SHA-256 of the UTF-8 bytes of the input.</summary>
    public static byte[] Digest(string input) => SHA256.HashData(Encoding.UTF8.GetBytes(input));
}
