using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Translates Go RE2 syntax (used by CRD <c>pattern</c> and CEL <c>matches</c>) into an equivalent .NET
/// pattern for <see cref="Re2Pattern"/>, which matches with <see cref="RegexOptions.NonBacktracking"/> for RE2's
/// linear-time guarantee. Constructs RE2 rejects (lookarounds, backreferences, atomic groups,
/// possessive quantifiers) are rejected here too, as are the few RE2 features .NET cannot express.
/// </summary>
internal static class Re2Translator
{
    private const int MaxRepeat = 1000;

    // RE2's Perl classes are ASCII-only, unlike .NET's Unicode-aware \d, \w and \s.
    private const string DigitRanges = "0-9";
    private const string WordRanges = "0-9A-Za-z_";
    private const string SpaceRanges = "\\t\\n\\f\\r ";
    private const string NotDigitRanges = "\\x00-/:-\\uFFFF";
    private const string NotWordRanges = "\\x00-/:-@\\[-\\^`{-\\uFFFF";
    private const string NotSpaceRanges = "\\x00-\\x08\\x0B\\x0E-\\x1F!-\\uFFFF";

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    private static readonly HashSet<string> UnicodeCategories = new(StringComparer.Ordinal)
    {
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
        "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    };

    public static string Translate(string pattern) => new Translation(pattern).Run();

    private sealed class Translation(string pattern)
    {
        private readonly StringBuilder output = new();
        private readonly Stack<Flags> flagStack = new();
        private Flags flags;
        private int position;
        private bool canRepeat;

        public string Run()
        {
            while (position < pattern.Length)
            {
                var c = pattern[position];
                switch (c)
                {
                    case '\\':
                        TranslateEscape();
                        canRepeat = true;
                        break;
                    case '[':
                        TranslateClass();
                        canRepeat = true;
                        break;
                    case '(':
                        OpenGroup();
                        break;
                    case ')':
                        CloseGroup();
                        canRepeat = true;
                        break;
                    case '|':
                        output.Append('|');
                        position++;
                        canRepeat = false;
                        break;
                    case '*':
                    case '+':
                    case '?':
                        TranslateRepetition(c.ToString(), 1);
                        break;
                    case '{':
                        if (TryReadCountedRepetition(out var repetition, out var length))
                        {
                            TranslateRepetition(repetition, length);
                        }
                        else
                        {
                            output.Append("\\{");
                            position++;
                            canRepeat = true;
                        }

                        break;
                    case '^':
                        output.Append('^');
                        position++;
                        canRepeat = false;
                        break;
                    case '$':
                        output.Append(flags.Multiline ? "$" : "\\z");
                        position++;
                        canRepeat = false;
                        break;
                    case '.':
                        output.Append('.');
                        position++;
                        canRepeat = true;
                        break;
                    default:
                        AppendLiteral(ReadCodePoint());
                        canRepeat = true;
                        break;
                }
            }

            if (flagStack.Count > 0)
            {
                throw Error("missing closing )");
            }

            return output.ToString();
        }

        private void TranslateRepetition(string quantifier, int length)
        {
            if (!canRepeat)
            {
                throw Error($"missing argument to repetition operator: `{quantifier}`");
            }

            position += length;
            var lazy = position < pattern.Length && pattern[position] == '?';
            if (lazy)
            {
                position++;
            }

            if (position < pattern.Length && pattern[position] is '*' or '+' or '?'
                || position < pattern.Length && pattern[position] == '{' && TryReadCountedRepetition(out _, out _))
            {
                throw Error($"invalid nested repetition operator: `{quantifier}{pattern[position]}`");
            }

            output.Append(quantifier);
            if (lazy != flags.Ungreedy)
            {
                output.Append('?');
            }

            canRepeat = false;
        }

        private bool TryReadCountedRepetition(out string repetition, out int length)
        {
            repetition = string.Empty;
            length = 0;
            var end = pattern.IndexOf('}', position);
            if (end < 0)
            {
                return false;
            }

            var body = pattern[(position + 1)..end];
            var comma = body.IndexOf(',', StringComparison.Ordinal);
            var minText = comma < 0 ? body : body[..comma];
            var maxText = comma < 0 ? null : body[(comma + 1)..];
            if (!IsDigits(minText) || maxText is not null && maxText.Length > 0 && !IsDigits(maxText))
            {
                return false;
            }

            var min = ParseCount(minText);
            var max = maxText is null ? min : maxText.Length == 0 ? -1 : ParseCount(maxText);
            if (min > MaxRepeat || max > MaxRepeat || max >= 0 && max < min)
            {
                throw Error($"invalid repeat count: `{{{body}}}`");
            }

            repetition = "{" + body + "}";
            length = end - position + 1;
            return true;
        }

        private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

        private static int ParseCount(string text) =>
            text.Length > 4 ? MaxRepeat + 1 : int.Parse(text, CultureInfo.InvariantCulture);

        private void OpenGroup()
        {
            position++;
            flagStack.Push(flags);
            canRepeat = false;
            if (position >= pattern.Length || pattern[position] != '?')
            {
                output.Append('(');
                return;
            }

            position++;
            if (position >= pattern.Length)
            {
                throw Error("missing argument to group");
            }

            var c = pattern[position];
            if (c == 'P' && position + 1 < pattern.Length && pattern[position + 1] == '<')
            {
                position++;
                c = '<';
            }

            if (c == '<' && position + 1 < pattern.Length && pattern[position + 1] is not ('=' or '!'))
            {
                var end = pattern.IndexOf('>', position);
                var name = end < 0 ? string.Empty : pattern[(position + 1)..end];
                if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    throw Error("invalid named capture");
                }

                output.Append("(?<").Append(name).Append('>');
                position = end + 1;
                return;
            }

            if (c is '=' or '!' or '<' or '>' or '#' or '(' or '|')
            {
                throw Error($"invalid or unsupported Perl syntax: `(?{c}`");
            }

            TranslateFlagGroup();
        }

        private void TranslateFlagGroup()
        {
            var netFlags = new StringBuilder();
            var negate = false;
            while (position < pattern.Length)
            {
                var c = pattern[position++];
                switch (c)
                {
                    case '-':
                        if (negate)
                        {
                            throw Error("invalid or unsupported Perl syntax: double negation in flags");
                        }

                        negate = true;
                        netFlags.Append('-');
                        break;
                    case 'i':
                    case 's':
                        netFlags.Append(c);
                        break;
                    case 'm':
                        netFlags.Append(c);
                        flags = flags with { Multiline = !negate };
                        break;
                    case 'U':
                        flags = flags with { Ungreedy = !negate };
                        break;
                    case ')':
                        // "(?flags)" changes the enclosing group's flags, so it opens no group of its own.
                        var enclosing = flags;
                        flagStack.Pop();
                        flags = enclosing;
                        AppendInlineFlags(netFlags, ")");
                        return;
                    case ':':
                        AppendInlineFlags(netFlags, ":");
                        return;
                    default:
                        throw Error($"invalid or unsupported Perl syntax: flag `{c}`");
                }
            }

            throw Error("missing closing )");
        }

        private void AppendInlineFlags(StringBuilder netFlags, string terminator)
        {
            var text = netFlags.ToString().TrimEnd('-');
            if (terminator == ":")
            {
                output.Append(text.Length == 0 ? "(?:" : $"(?{text}:");
            }
            else if (text.Length > 0)
            {
                output.Append("(?").Append(text).Append(')');
            }
        }

        private void CloseGroup()
        {
            if (flagStack.Count == 0)
            {
                throw Error("unexpected )");
            }

            flags = flagStack.Pop();
            output.Append(')');
            position++;
        }

        private void TranslateEscape()
        {
            position++;
            if (position >= pattern.Length)
            {
                throw Error("trailing backslash at end of expression");
            }

            var c = pattern[position];
            switch (c)
            {
                case 'd': position++; output.Append('[').Append(DigitRanges).Append(']'); return;
                case 'D': position++; output.Append('[').Append(NotDigitRanges).Append(']'); return;
                case 'w': position++; output.Append('[').Append(WordRanges).Append(']'); return;
                case 'W': position++; output.Append('[').Append(NotWordRanges).Append(']'); return;
                case 's': position++; output.Append('[').Append(SpaceRanges).Append(']'); return;
                case 'S': position++; output.Append('[').Append(NotSpaceRanges).Append(']'); return;
                case 'b': position++; output.Append("\\b"); return;
                case 'B': position++; output.Append("\\B"); return;
                case 'A': position++; output.Append("\\A"); return;
                case 'z': position++; output.Append("\\z"); return;
                case 'p':
                case 'P':
                    output.Append(ReadUnicodeClass(insideClass: false));
                    return;
                case 'Q':
                    position++;
                    var end = pattern.IndexOf("\\E", position, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[position..] : pattern[position..end];
                    position = end < 0 ? pattern.Length : end + 2;
                    output.Append(Regex.Escape(literal));
                    return;
                default:
                    AppendLiteral(ReadEscapedCodePoint());
                    return;
            }
        }

        /// <summary>Reads an escape that denotes a single character; position is on the character after '\'.</summary>
        private int ReadEscapedCodePoint()
        {
            var c = pattern[position];
            switch (c)
            {
                case 'a': position++; return 7;
                case 'f': position++; return '\f';
                case 't': position++; return '\t';
                case 'n': position++; return '\n';
                case 'r': position++; return '\r';
                case 'v': position++; return '\v';
                case 'x':
                    return ReadHexEscape();
                case >= '0' and <= '7':
                    return ReadOctalEscape();
            }

            if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
            {
                position++;
                return c;
            }

            if (char.IsAsciiDigit(c))
            {
                throw Error($"invalid escape sequence: `\\{c}` (backreferences are not supported)");
            }

            throw Error($"invalid escape sequence: `\\{c}`");
        }

        private int ReadHexEscape()
        {
            position++;
            string digits;
            if (position < pattern.Length && pattern[position] == '{')
            {
                var end = pattern.IndexOf('}', position);
                if (end < 0)
                {
                    throw Error("invalid escape sequence: `\\x{`");
                }

                digits = pattern[(position + 1)..end];
                position = end + 1;
            }
            else
            {
                digits = position + 2 <= pattern.Length ? pattern.Substring(position, 2) : string.Empty;
                position += 2;
            }

            if (digits.Length == 0 || digits.Length > 8 || !digits.All(char.IsAsciiHexDigit)
                || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint)
                || codePoint > 0x10FFFF)
            {
                throw Error("invalid escape sequence: `\\x`");
            }

            return codePoint;
        }

        private int ReadOctalEscape()
        {
            var start = position;
            var first = pattern[position];
            var next = position + 1 < pattern.Length ? pattern[position + 1] : '\0';
            if (first != '0' && next is not (>= '0' and <= '7'))
            {
                throw Error($"invalid escape sequence: `\\{first}` (backreferences are not supported)");
            }

            var value = 0;
            while (position < pattern.Length && position - start < 3 && pattern[position] is >= '0' and <= '7')
            {
                value = value * 8 + (pattern[position] - '0');
                position++;
            }

            return value;
        }

        private string ReadUnicodeClass(bool insideClass)
        {
            var negated = pattern[position] == 'P';
            position++;
            string name;
            if (position < pattern.Length && pattern[position] == '{')
            {
                var end = pattern.IndexOf('}', position);
                if (end < 0)
                {
                    throw Error("invalid character class range: missing }");
                }

                name = pattern[(position + 1)..end];
                position = end + 1;
            }
            else if (position < pattern.Length)
            {
                name = pattern[position].ToString();
                position++;
            }
            else
            {
                throw Error("invalid character class range");
            }

            if (name.StartsWith('^'))
            {
                negated = !negated;
                name = name[1..];
            }

            if (name == "Any")
            {
                if (negated)
                {
                    throw Error("unsupported Unicode class: `\\P{Any}`");
                }

                return insideClass ? "\\s\\S" : "[\\s\\S]";
            }

            if (!UnicodeCategories.Contains(name))
            {
                throw Error($"unsupported Unicode class `{name}` (general categories such as L or Nd are supported; scripts are not)");
            }

            return $"\\{(negated ? 'P' : 'p')}{{{name}}}";
        }

        private void TranslateClass()
        {
            position++;
            var builder = new StringBuilder("[");
            if (position < pattern.Length && pattern[position] == '^')
            {
                builder.Append('^');
                position++;
            }

            var first = true;
            while (true)
            {
                if (position >= pattern.Length)
                {
                    throw Error("missing closing ]");
                }

                var c = pattern[position];
                if (c == ']' && !first)
                {
                    position++;
                    break;
                }

                first = false;
                if (c == '[' && position + 1 < pattern.Length && pattern[position + 1] == ':')
                {
                    builder.Append(ReadPosixClass());
                    continue;
                }

                if (c == '\\' && position + 1 < pattern.Length && TryReadClassShorthand(out var shorthand))
                {
                    builder.Append(shorthand);
                    continue;
                }

                var low = ReadClassCodePoint();
                if (position + 1 < pattern.Length && pattern[position] == '-' && pattern[position + 1] != ']')
                {
                    position++;
                    if (pattern[position] == '\\' && position + 1 < pattern.Length && pattern[position + 1] is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'p' or 'P')
                    {
                        throw Error("invalid character class range");
                    }

                    var high = ReadClassCodePoint();
                    if (high < low)
                    {
                        throw Error("invalid character class range");
                    }

                    builder.Append(ClassCharacter(low)).Append('-').Append(ClassCharacter(high));
                }
                else
                {
                    builder.Append(ClassCharacter(low));
                }
            }

            output.Append(builder).Append(']');
        }

        private string ReadPosixClass()
        {
            var end = pattern.IndexOf(":]", position + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                throw Error("missing closing ]");
            }

            var name = pattern[(position + 2)..end];
            position = end + 2;
            if (name.StartsWith('^'))
            {
                throw Error($"unsupported negated POSIX class `[:{name}:]`");
            }

            return PosixClasses.TryGetValue(name, out var ranges)
                ? ranges
                : throw Error($"invalid character class range: `[:{name}:]`");
        }

        private bool TryReadClassShorthand(out string ranges)
        {
            var c = pattern[position + 1];
            ranges = c switch
            {
                'd' => DigitRanges,
                'D' => NotDigitRanges,
                'w' => WordRanges,
                'W' => NotWordRanges,
                's' => SpaceRanges,
                'S' => NotSpaceRanges,
                _ => string.Empty,
            };
            if (ranges.Length > 0)
            {
                position += 2;
                return true;
            }

            if (c is 'p' or 'P')
            {
                position++;
                ranges = ReadUnicodeClass(insideClass: true);
                return true;
            }

            return false;
        }

        private int ReadClassCodePoint()
        {
            if (pattern[position] != '\\')
            {
                return ReadCodePoint();
            }

            position++;
            if (position >= pattern.Length)
            {
                throw Error("trailing backslash at end of expression");
            }

            return pattern[position] == 'b' ? Advance('\b') : ReadEscapedCodePoint();
        }

        private int Advance(int value)
        {
            position++;
            return value;
        }

        private string ClassCharacter(int codePoint)
        {
            if (codePoint > 0xFFFF)
            {
                throw Error("characters outside the Basic Multilingual Plane are not supported in character classes");
            }

            return "\\u" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
        }

        private int ReadCodePoint()
        {
            var c = pattern[position];
            if (char.IsHighSurrogate(c) && position + 1 < pattern.Length && char.IsLowSurrogate(pattern[position + 1]))
            {
                position += 2;
                return char.ConvertToUtf32(c, pattern[position - 1]);
            }

            position++;
            return c;
        }

        private void AppendLiteral(int codePoint)
        {
            if (codePoint > 0xFFFF)
            {
                output.Append("(?:").Append(Regex.Escape(char.ConvertFromUtf32(codePoint))).Append(')');
                return;
            }

            output.Append("\\u").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
        }

        private ArgumentException Error(string detail) =>
            new($"error parsing regexp: {detail}: `{pattern}`");
    }

    private readonly record struct Flags(bool Multiline, bool Ungreedy);
}
