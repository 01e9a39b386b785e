namespace Skyforge.Crds.Schema.Cel;

/// <summary>Recursive-descent parser for the CEL grammar, expanding macros as cel-go does.</summary>
internal sealed class CelParser
{
    private const int MaxDepth = 100;

    private readonly List<CelToken> tokens;
    private int index;
    private int depth;

    private CelParser(string source)
    {
        tokens = new CelLexer(source).Tokenize();
    }

    public static CelSyntax Parse(string source)
    {
        var parser = new CelParser(source);
        var expression = parser.ParseExpression();
        if (parser.Current.Kind != CelTokenKind.End)
        {
            throw Unexpected(parser.Current);
        }

        return expression;
    }

    private CelToken Current => tokens[index];

    private CelToken Advance() => tokens[index++];

    private bool Accept(CelTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        index++;
        return true;
    }

    private CelToken Expect(CelTokenKind kind, string description)
    {
        if (Current.Kind != kind)
        {
            throw new CelCompileException($"Syntax error: missing {description} at {Describe(Current)}", Current.Position);
        }

        return Advance();
    }

    private static CelCompileException Unexpected(CelToken token) =>
        new($"Syntax error: mismatched input {Describe(token)}", token.Position);

    private static string Describe(CelToken token) => token.Kind == CelTokenKind.End ? "'<EOF>'" : $"'{token.Text}'";

    private CelSyntax ParseExpression()
    {
        if (++depth > MaxDepth)
        {
            throw new CelCompileException("expression nests too deeply", Current.Position);
        }

        var condition = ParseOr();
        if (Current.Kind == CelTokenKind.Question)
        {
            var position = Advance().Position;
            var whenTrue = ParseOr();
            Expect(CelTokenKind.Colon, "':'");
            var whenFalse = ParseExpression();
            condition = new CelConditional(position, condition, whenTrue, whenFalse);
        }

        depth--;
        return condition;
    }

    private CelSyntax ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == CelTokenKind.Or)
        {
            var position = Advance().Position;
            left = new CelBinary(position, CelTokenKind.Or, left, ParseAnd());
        }

        return left;
    }

    private CelSyntax ParseAnd()
    {
        var left = ParseRelation();
        while (Current.Kind == CelTokenKind.And)
        {
            var position = Advance().Position;
            left = new CelBinary(position, CelTokenKind.And, left, ParseRelation());
        }

        return left;
    }

    private CelSyntax ParseRelation()
    {
        var left = ParseAddition();
        while (Current.Kind is CelTokenKind.Less or CelTokenKind.LessEqual or CelTokenKind.Greater or CelTokenKind.GreaterEqual
               or CelTokenKind.Equal or CelTokenKind.NotEqual or CelTokenKind.In)
        {
            var token = Advance();
            left = new CelBinary(token.Position, token.Kind, left, ParseAddition());
        }

        return left;
    }

    private CelSyntax ParseAddition()
    {
        var left = ParseMultiplication();
        while (Current.Kind is CelTokenKind.Plus or CelTokenKind.Minus)
        {
            var token = Advance();
            left = new CelBinary(token.Position, token.Kind, left, ParseMultiplication());
        }

        return left;
    }

    private CelSyntax ParseMultiplication()
    {
        var left = ParseUnary();
        while (Current.Kind is CelTokenKind.Star or CelTokenKind.Slash or CelTokenKind.Percent)
        {
            var token = Advance();
            left = new CelBinary(token.Position, token.Kind, left, ParseUnary());
        }

        return left;
    }

    private CelSyntax ParseUnary()
    {
        if (Current.Kind == CelTokenKind.Bang)
        {
            var position = Advance().Position;
            return new CelUnary(position, CelTokenKind.Bang, ParseNestedUnary());
        }

        if (Current.Kind == CelTokenKind.Minus)
        {
            var position = Advance().Position;
            if (Current.Kind is CelTokenKind.Int or CelTokenKind.Double && !IsMemberAccess(tokens[index + 1].Kind))
            {
                return NegativeLiteral(position, Advance());
            }

            return new CelUnary(position, CelTokenKind.Minus, ParseNestedUnary());
        }

        return ParseMember();
    }

    private CelSyntax ParseNestedUnary()
    {
        if (++depth > MaxDepth)
        {
            throw new CelCompileException("expression nests too deeply", Current.Position);
        }

        var operand = ParseUnary();
        depth--;
        return operand;
    }

    private static bool IsMemberAccess(CelTokenKind kind) => kind is CelTokenKind.Dot or CelTokenKind.LeftBracket;

    private static CelLiteral NegativeLiteral(int position, CelToken literal)
    {
        if (literal.Kind == CelTokenKind.Double)
        {
            return new CelLiteral(position, -(double)literal.Value!);
        }

        var magnitude = (ulong)literal.Value!;
        if (magnitude > (ulong)long.MaxValue + 1)
        {
            throw new CelCompileException($"invalid int literal: -{literal.Text}", position);
        }

        return new CelLiteral(position, magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude);
    }

    private CelSyntax ParseMember()
    {
        var operand = ParsePrimary();
        while (true)
        {
            if (Current.Kind == CelTokenKind.Dot)
            {
                var position = Advance().Position;
                var name = Expect(CelTokenKind.Identifier, "identifier").Text;
                if (Current.Kind == CelTokenKind.LeftParen)
                {
                    Advance();
                    var arguments = ParseArguments(CelTokenKind.RightParen);
                    operand = ExpandMemberCall(position, operand, name, arguments);
                }
                else
                {
                    operand = new CelSelect(position, operand, name, TestOnly: false);
                }
            }
            else if (Current.Kind == CelTokenKind.LeftBracket)
            {
                var position = Advance().Position;
                var indexExpression = ParseExpression();
                Expect(CelTokenKind.RightBracket, "']'");
                operand = new CelIndex(position, operand, indexExpression);
            }
            else
            {
                return operand;
            }
        }
    }

    private CelSyntax ParsePrimary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case CelTokenKind.Int:
                var magnitude = (ulong)token.Value!;
                if (magnitude > long.MaxValue)
                {
                    throw new CelCompileException($"invalid int literal: {token.Text}", token.Position);
                }

                return new CelLiteral(token.Position, (long)magnitude);
            case CelTokenKind.Uint:
                return new CelLiteral(token.Position, (ulong)token.Value!);
            case CelTokenKind.Double:
                return new CelLiteral(token.Position, (double)token.Value!);
            case CelTokenKind.String:
                return new CelLiteral(token.Position, (string)token.Value!);
            case CelTokenKind.True:
                return new CelLiteral(token.Position, CelValues.True);
            case CelTokenKind.False:
                return new CelLiteral(token.Position, CelValues.False);
            case CelTokenKind.Null:
                return new CelLiteral(token.Position, CelNull.Value);
            case CelTokenKind.Identifier:
                if (Accept(CelTokenKind.LeftParen))
                {
                    return ExpandGlobalCall(token, ParseArguments(CelTokenKind.RightParen));
                }

                return new CelIdentifier(token.Position, token.Text);
            case CelTokenKind.LeftParen:
                var inner = ParseExpression();
                Expect(CelTokenKind.RightParen, "')'");
                return inner;
            case CelTokenKind.LeftBracket:
                return new CelListLiteral(token.Position, ParseArguments(CelTokenKind.RightBracket));
            case CelTokenKind.LeftBrace:
                return ParseMapLiteral(token.Position);
            case CelTokenKind.Dot:
                throw new CelCompileException("Syntax error: leading '.' qualified names are not supported", token.Position);
            default:
                throw Unexpected(token);
        }
    }

    private List<CelSyntax> ParseArguments(CelTokenKind closing)
    {
        var arguments = new List<CelSyntax>();
        if (Accept(closing))
        {
            return arguments;
        }

        while (true)
        {
            arguments.Add(ParseExpression());
            if (Accept(closing))
            {
                return arguments;
            }

            Expect(CelTokenKind.Comma, "','");
            if (closing == CelTokenKind.RightBracket && Accept(closing))
            {
                return arguments;
            }
        }
    }

    private CelMapLiteral ParseMapLiteral(int position)
    {
        var entries = new List<KeyValuePair<CelSyntax, CelSyntax>>();
        if (Accept(CelTokenKind.RightBrace))
        {
            return new CelMapLiteral(position, entries);
        }

        while (true)
        {
            var key = ParseExpression();
            Expect(CelTokenKind.Colon, "':'");
            entries.Add(new KeyValuePair<CelSyntax, CelSyntax>(key, ParseExpression()));
            if (Accept(CelTokenKind.RightBrace))
            {
                return new CelMapLiteral(position, entries);
            }

            Expect(CelTokenKind.Comma, "','");
            if (Accept(CelTokenKind.RightBrace))
            {
                return new CelMapLiteral(position, entries);
            }
        }
    }

    private static CelSyntax ExpandGlobalCall(CelToken name, List<CelSyntax> arguments)
    {
        if (name.Text != "has")
        {
            return new CelCall(name.Position, null, name.Text, arguments);
        }

        if (arguments.Count != 1 || arguments[0] is not CelSelect select)
        {
            throw new CelCompileException("invalid argument to has() macro", name.Position);
        }

        return select with { TestOnly = true };
    }

    private static CelSyntax ExpandMemberCall(int position, CelSyntax target, string name, List<CelSyntax> arguments)
    {
        var macro = name switch
        {
            "all" => CelMacro.All,
            "exists" => CelMacro.Exists,
            "exists_one" => CelMacro.ExistsOne,
            "map" => CelMacro.Map,
            "filter" => CelMacro.Filter,
            _ => (CelMacro?)null,
        };
        if (macro is null)
        {
            return new CelCall(position, target, name, arguments);
        }

        var maxArguments = macro == CelMacro.Map ? 3 : 2;
        if (arguments.Count < 2 || arguments.Count > maxArguments)
        {
            throw new CelCompileException($"{name}() macro takes {(maxArguments == 3 ? "2 or 3" : "2")} arguments", position);
        }

        if (arguments[0] is not CelIdentifier variable)
        {
            throw new CelCompileException($"{name}() variable name must be a simple identifier", arguments[0].Position);
        }

        return macro switch
        {
            CelMacro.Map when arguments.Count == 3 => new CelComprehension(position, CelMacro.Map, target, variable.Name, arguments[1], arguments[2]),
            CelMacro.Map => new CelComprehension(position, CelMacro.Map, target, variable.Name, null, arguments[1]),
            _ => new CelComprehension(position, macro.Value, target, variable.Name, arguments[1], null),
        };
    }
}
