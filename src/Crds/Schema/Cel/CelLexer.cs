using System.Globalization;
using System.Text;

namespace Skyforge.Crds.Schema.Cel;

/// <summary>Splits a CEL expression into tokens (literals with CEL escapes, identifiers, operators).</summary>
internal sealed class CelLexer(string source)
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    };

    private int position;

    public static bool IsReserved(string word) => ReservedWords.Contains(word) || word is "true" or "false" or "null" or "in";

    public List<CelToken> Tokenize()
    {
        var tokens = new List<CelToken>();
        while (true)
        {
            SkipWhitespaceAndComments();
            if (position >= source.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, position, string.Empty));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (position < source.Length)
        {
            var c = source[position];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                position++;
            }
            else if (c == '/' && position + 1 < source.Length && source[position + 1] == '/')
            {
                while (position < source.Length && source[position] != '\n')
                {
                    position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private CelToken Next()
    {
        var start = position;
        var c = source[position];
        if (char.IsAsciiDigit(c) || (c == '.' && position + 1 < source.Length && char.IsAsciiDigit(source[position + 1])))
        {
            return ReadNumber();
        }

        if (c is '"' or '\'')
        {
            return ReadString(start, raw: false);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            if (c is 'r' or 'R' && position + 1 < source.Length && source[position + 1] is '"' or '\'')
            {
                position++;
                return ReadString(start, raw: true);
            }

            if (c is 'b' or 'B' && position + 1 < source.Length && source[position + 1] is '"' or '\'')
            {
                throw new CelCompileException("bytes literals are not supported", start);
            }

            while (position < source.Length && (char.IsAsciiLetterOrDigit(source[position]) || source[position] == '_'))
            {
                position++;
            }

            var word = source[start..position];
            return word switch
            {
                "true" => new CelToken(CelTokenKind.True, start, word),
                "false" => new CelToken(CelTokenKind.False, start, word),
                "null" => new CelToken(CelTokenKind.Null, start, word),
                "in" => new CelToken(CelTokenKind.In, start, word),
                _ when ReservedWords.Contains(word) => throw new CelCompileException($"reserved identifier: {word}", start),
                _ => new CelToken(CelTokenKind.Identifier, start, word),
            };
        }

        position++;
        var next = position < source.Length ? source[position] : '\0';
        switch (c)
        {
            case '(': return new CelToken(CelTokenKind.LeftParen, start, "(");
            case ')': return new CelToken(CelTokenKind.RightParen, start, ")");
            case '[': return new CelToken(CelTokenKind.LeftBracket, start, "[");
            case ']': return new CelToken(CelTokenKind.RightBracket, start, "]");
            case '{': return new CelToken(CelTokenKind.LeftBrace, start, "{");
            case '}': return new CelToken(CelTokenKind.RightBrace, start, "}");
            case '.': return new CelToken(CelTokenKind.Dot, start, ".");
            case ',': return new CelToken(CelTokenKind.Comma, start, ",");
            case ':': return new CelToken(CelTokenKind.Colon, start, ":");
            case '?': return new CelToken(CelTokenKind.Question, start, "?");
            case '+': return new CelToken(CelTokenKind.Plus, start, "+");
            case '-': return new CelToken(CelTokenKind.Minus, start, "-");
            case '*': return new CelToken(CelTokenKind.Star, start, "*");
            case '/': return new CelToken(CelTokenKind.Slash, start, "/");
            case '%': return new CelToken(CelTokenKind.Percent, start, "%");
            case '!' when next == '=': position++; return new CelToken(CelTokenKind.NotEqual, start, "!=");
            case '!': return new CelToken(CelTokenKind.Bang, start, "!");
            case '=' when next == '=': position++; return new CelToken(CelTokenKind.Equal, start, "==");
            case '<' when next == '=': position++; return new CelToken(CelTokenKind.LessEqual, start, "<=");
            case '<': return new CelToken(CelTokenKind.Less, start, "<");
            case '>' when next == '=': position++; return new CelToken(CelTokenKind.GreaterEqual, start, ">=");
            case '>': return new CelToken(CelTokenKind.Greater, start, ">");
            case '&' when next == '&': position++; return new CelToken(CelTokenKind.And, start, "&&");
            case '|' when next == '|': position++; return new CelToken(CelTokenKind.Or, start, "||");
            default:
                throw new CelCompileException($"Syntax error: token recognition error at: '{c}'", start);
        }
    }

    private CelToken ReadNumber()
    {
        var start = position;
        if (source[position] == '0' && position + 1 < source.Length && source[position + 1] is 'x' or 'X')
        {
            position += 2;
            var digitsStart = position;
            while (position < source.Length && char.IsAsciiHexDigit(source[position]))
            {
                position++;
            }

            var hex = source[digitsStart..position];
            if (hex.Length == 0 || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hexValue))
            {
                throw new CelCompileException($"invalid int literal: {source[start..position]}", start);
            }

            return IntegerToken(start, hexValue);
        }

        while (position < source.Length && char.IsAsciiDigit(source[position]))
        {
            position++;
        }

        var isDouble = false;
        if (position + 1 < source.Length && source[position] == '.' && char.IsAsciiDigit(source[position + 1]))
        {
            isDouble = true;
            position++;
            while (position < source.Length && char.IsAsciiDigit(source[position]))
            {
                position++;
            }
        }

        if (position < source.Length && source[position] is 'e' or 'E')
        {
            var exponentStart = position;
            position++;
            if (position < source.Length && source[position] is '+' or '-')
            {
                position++;
            }

            if (position < source.Length && char.IsAsciiDigit(source[position]))
            {
                isDouble = true;
                while (position < source.Length && char.IsAsciiDigit(source[position]))
                {
                    position++;
                }
            }
            else
            {
                position = exponentStart;
            }
        }

        var text = source[start..position];
        if (isDouble)
        {
            return new CelToken(CelTokenKind.Double, start, text, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new CelCompileException($"invalid int literal: {text}", start);
        }

        return IntegerToken(start, value);
    }

    private CelToken IntegerToken(int start, ulong value)
    {
        if (position < source.Length && source[position] is 'u' or 'U')
        {
            position++;
            return new CelToken(CelTokenKind.Uint, start, source[start..position], value);
        }

        return new CelToken(CelTokenKind.Int, start, source[start..position], value);
    }

    private CelToken ReadString(int start, bool raw)
    {
        var quote = source[position];
        var triple = position + 2 < source.Length && source[position + 1] == quote && source[position + 2] == quote;
        position += triple ? 3 : 1;
        var builder = new StringBuilder();
        while (true)
        {
            if (position >= source.Length)
            {
                throw new CelCompileException("Syntax error: unterminated string literal", start);
            }

            var c = source[position];
            if (c == quote && (!triple || (position + 2 < source.Length && source[position + 1] == quote && source[position + 2] == quote)))
            {
                position += triple ? 3 : 1;
                return new CelToken(CelTokenKind.String, start, source[start..position], builder.ToString());
            }

            if (!triple && c is '\n' or '\r')
            {
                throw new CelCompileException("Syntax error: newline in string literal", position);
            }

            if (c == '\\' && !raw)
            {
                ReadEscape(builder);
                continue;
            }

            builder.Append(c);
            position++;
        }
    }

    private void ReadEscape(StringBuilder builder)
    {
        var escapeStart = position;
        position++;
        if (position >= source.Length)
        {
            throw new CelCompileException("Syntax error: invalid escape sequence", escapeStart);
        }

        var c = source[position++];
        switch (c)
        {
            case 'a': builder.Append('\a'); return;
            case 'b': builder.Append('\b'); return;
            case 'f': builder.Append('\f'); return;
            case 'n': builder.Append('\n'); return;
            case 'r': builder.Append('\r'); return;
            case 't': builder.Append('\t'); return;
            case 'v': builder.Append('\v'); return;
            case '\\':
            case '\'':
            case '"':
            case '`':
            case '?':
                builder.Append(c);
                return;
            case 'x':
            case 'X':
                AppendCodePoint(builder, ReadHex(2, escapeStart), escapeStart);
                return;
            case 'u':
                AppendCodePoint(builder, ReadHex(4, escapeStart), escapeStart);
                return;
            case 'U':
                AppendCodePoint(builder, ReadHex(8, escapeStart), escapeStart);
                return;
            case >= '0' and <= '3':
                if (position + 2 > source.Length || source[position] is < '0' or > '7' || source[position + 1] is < '0' or > '7')
                {
                    throw new CelCompileException("Syntax error: invalid octal escape", escapeStart);
                }

                var octal = ((c - '0') * 64) + ((source[position] - '0') * 8) + (source[position + 1] - '0');
                position += 2;
                builder.Append((char)octal);
                return;
            default:
                throw new CelCompileException($"Syntax error: invalid escape sequence '\\{c}'", escapeStart);
        }
    }

    private int ReadHex(int length, int escapeStart)
    {
        if (position + length > source.Length
            || !int.TryParse(source.AsSpan(position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new CelCompileException("Syntax error: invalid hex escape", escapeStart);
        }

        position += length;
        return value;
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint, int escapeStart)
    {
        if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            throw new CelCompileException("Syntax error: invalid unicode code point", escapeStart);
        }

        builder.Append(char.ConvertFromUtf32(codePoint));
    }
}
