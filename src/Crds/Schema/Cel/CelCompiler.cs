using System.Text.RegularExpressions;

namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// Turns parsed CEL into executable expressions, resolving variables to slots and functions to the
/// library, and checking field selections against the schema (undeclared fields are compile errors).
/// </summary>
internal sealed partial class CelCompiler
{
    private readonly CelEnvironment environment;
    private readonly List<(string Name, int Slot, CelShape Shape)> scope = [];
    private int comprehensionDepth;
    private int slotCount = 2;
    private bool referencesOldSelf;

    private CelCompiler(CelEnvironment environment)
    {
        this.environment = environment;
    }

    /// <summary>Compiles <paramref name="source"/>; throws <see cref="CelCompileException"/> on any error.</summary>
    public static CelProgram Compile(string source, CelEnvironment environment)
    {
        var syntax = CelParser.Parse(source);
        var compiler = new CelCompiler(environment);
        var (root, _) = compiler.Compile(syntax);
        return new CelProgram(root, compiler.slotCount, compiler.referencesOldSelf);
    }

    /// <summary>The API server's escaping of property names that are not CEL identifiers (<c>x__dash__y</c>).</summary>
    public static string UnescapePropertyName(string name)
    {
        if (name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal))
        {
            var inner = name[2..^2];
            if (CelLexer.IsReserved(inner))
            {
                return inner;
            }
        }

        return EscapeSequence().Replace(name, match => match.Groups[1].Value switch
        {
            "underscores" => "__",
            "dot" => ".",
            "dash" => "-",
            _ => "/",
        });
    }

    private (CelExpression Expression, CelShape Shape) Compile(CelSyntax syntax)
    {
        switch (syntax)
        {
            case CelLiteral literal:
                return (new ConstantExpression(literal.Value), CelShape.Dynamic);
            case CelIdentifier identifier:
                return CompileIdentifier(identifier);
            case CelSelect select:
                return CompileSelect(select);
            case CelIndex index:
                var (target, targetShape) = Compile(index.Operand);
                var (key, _) = Compile(index.Index);
                return (new IndexExpression(target, key), ElementShape(targetShape));
            case CelCall call:
                return (CompileCall(call), CelShape.Dynamic);
            case CelListLiteral list:
                return (new ListExpression(list.Elements.Select(element => Compile(element).Expression).ToList()), CelShape.Dynamic);
            case CelMapLiteral map:
                return (new MapExpression(
                    map.Entries.Select(entry => Compile(entry.Key).Expression).ToList(),
                    map.Entries.Select(entry => Compile(entry.Value).Expression).ToList()), CelShape.Dynamic);
            case CelUnary unary:
                var operand = Compile(unary.Operand).Expression;
                return (unary.Operator == CelTokenKind.Bang ? new NotExpression(operand) : new NegateExpression(operand), CelShape.Dynamic);
            case CelBinary binary:
                return (CompileBinary(binary), CelShape.Dynamic);
            case CelConditional conditional:
                return (new ConditionalExpression(
                    Compile(conditional.Condition).Expression,
                    Compile(conditional.WhenTrue).Expression,
                    Compile(conditional.WhenFalse).Expression), CelShape.Dynamic);
            case CelComprehension comprehension:
                return (CompileComprehension(comprehension), CelShape.Dynamic);
            default:
                throw new CelCompileException("unsupported expression", syntax.Position);
        }
    }

    private (CelExpression Expression, CelShape Shape) CompileIdentifier(CelIdentifier identifier)
    {
        for (var i = scope.Count - 1; i >= 0; i--)
        {
            if (scope[i].Name == identifier.Name)
            {
                return (new SlotExpression(scope[i].Slot), scope[i].Shape);
            }
        }

        switch (identifier.Name)
        {
            case "self":
                return (new SlotExpression(CelProgram.SelfSlot), new CelShape(environment.SelfSchema, environment.SelfIsResourceRoot));
            case "oldSelf":
                referencesOldSelf = true;
                var shape = environment.OldSelfIsOptional
                    ? CelShape.Dynamic
                    : new CelShape(environment.SelfSchema, environment.SelfIsResourceRoot);
                return (new SlotExpression(CelProgram.OldSelfSlot), shape);
            default:
                throw new CelCompileException($"undeclared reference to '{identifier.Name}' (in container '')", identifier.Position);
        }
    }

    private (CelExpression Expression, CelShape Shape) CompileSelect(CelSelect select)
    {
        var (operand, shape) = Compile(select.Operand);
        var (key, childShape) = ResolveField(shape, select.Field, select.Position);
        return select.TestOnly
            ? (new HasExpression(operand, key), CelShape.Dynamic)
            : (new SelectExpression(operand, key), childShape);
    }

    private static (string Key, CelShape Shape) ResolveField(CelShape shape, string field, int position)
    {
        if (shape.Schema is not { } schema)
        {
            return (field, CelShape.Dynamic);
        }

        if (schema.Type is "string" or "integer" or "number" or "boolean" or "array")
        {
            var celType = schema.Type switch
            {
                "integer" => "int",
                "number" => "double",
                "boolean" => "bool",
                "array" => "list",
                _ => "string",
            };
            throw new CelCompileException($"type '{celType}' does not support field selection", position);
        }

        var name = UnescapePropertyName(field);

        // Rules on a resource see metadata.name and metadata.generateName, whatever the schema declares.
        if (shape.IsResourceRoot && name == "metadata")
        {
            return (name, new CelShape(CelValues.MetadataView, false));
        }

        if (schema.Property(name) is { } property)
        {
            return (name, CelShape.Of(property));
        }

        if (shape.IsResourceRoot && name is "apiVersion" or "kind")
        {
            return (name, CelShape.Dynamic);
        }

        if (schema.AdditionalProperties is not null)
        {
            return (field, CelShape.Of(schema.AdditionalProperties));
        }

        if (schema.AdditionalPropertiesAllowAny || schema.PreserveUnknownFields || schema.Type is null)
        {
            return (field, CelShape.Dynamic);
        }

        throw new CelCompileException($"undefined field '{field}'", position);
    }

    private static CelShape ElementShape(CelShape shape) => shape.Schema switch
    {
        { Type: "array", Items: { } items } => CelShape.Of(items),
        { AdditionalProperties: { } values } => CelShape.Of(values),
        _ => CelShape.Dynamic,
    };

    private CelExpression CompileCall(CelCall call)
    {
        if (call.Target is CelIdentifier { Name: "optional" } && scope.All(variable => variable.Name != "optional"))
        {
            var optionalFunction = CelFunctions.FindOptional(call.Function, call.Arguments.Count)
                ?? throw new CelCompileException($"undeclared reference to 'optional.{call.Function}'", call.Position);
            return new CallExpression(optionalFunction, call.Arguments.Select(argument => Compile(argument).Expression).ToList());
        }

        var isMember = call.Target is not null;
        var arguments = new List<CelSyntax>();
        if (call.Target is not null)
        {
            arguments.Add(call.Target);
        }

        arguments.AddRange(call.Arguments);
        if (call.Function is "matches" or "find" && arguments.Count == 2 && arguments[1] is CelLiteral { Value: string pattern })
        {
            var regex = CompileRegex(pattern, arguments[1].Position);
            if (call.Function == "matches")
            {
                return new RegexMatchExpression(Compile(arguments[0]).Expression, regex);
            }
        }

        var function = CelFunctions.Find(call.Function, isMember, call.Arguments.Count);
        if (function is null)
        {
            var detail = CelFunctions.Exists(call.Function, isMember)
                ? $"found no matching overload for '{call.Function}' applied to {call.Arguments.Count} argument(s)"
                : $"undeclared reference to '{call.Function}' (in container '')";
            throw new CelCompileException(detail, call.Position);
        }

        return new CallExpression(function, arguments.Select(argument => Compile(argument).Expression).ToList());
    }

    private static Re2Pattern CompileRegex(string pattern, int position)
    {
        try
        {
            return Re2Pattern.Compile(pattern);
        }
        catch (ArgumentException exception)
        {
            throw new CelCompileException($"invalid regular expression: {exception.Message}", position);
        }
    }

    private CelExpression CompileBinary(CelBinary binary)
    {
        var left = Compile(binary.Left).Expression;
        var right = Compile(binary.Right).Expression;
        return binary.Operator switch
        {
            CelTokenKind.And => new LogicalExpression(left, right, isAnd: true),
            CelTokenKind.Or => new LogicalExpression(left, right, isAnd: false),
            _ => new BinaryExpression(binary.Operator switch
            {
                CelTokenKind.Plus => CelBinaryOperator.Add,
                CelTokenKind.Minus => CelBinaryOperator.Subtract,
                CelTokenKind.Star => CelBinaryOperator.Multiply,
                CelTokenKind.Slash => CelBinaryOperator.Divide,
                CelTokenKind.Percent => CelBinaryOperator.Modulo,
                CelTokenKind.Equal => CelBinaryOperator.Equal,
                CelTokenKind.NotEqual => CelBinaryOperator.NotEqual,
                CelTokenKind.Less => CelBinaryOperator.Less,
                CelTokenKind.LessEqual => CelBinaryOperator.LessEqual,
                CelTokenKind.Greater => CelBinaryOperator.Greater,
                CelTokenKind.GreaterEqual => CelBinaryOperator.GreaterEqual,
                _ => CelBinaryOperator.In,
            }, left, right),
        };
    }

    private CelExpression CompileComprehension(CelComprehension comprehension)
    {
        var (range, rangeShape) = Compile(comprehension.Range);
        var variableShape = rangeShape.Schema is { Type: "array", Items: { } items } ? CelShape.Of(items) : CelShape.Dynamic;
        var slot = 2 + comprehensionDepth;
        slotCount = Math.Max(slotCount, slot + 1);
        comprehensionDepth++;
        scope.Add((comprehension.Variable, slot, variableShape));
        var predicate = comprehension.Predicate is null ? null : Compile(comprehension.Predicate).Expression;
        var transform = comprehension.Transform is null ? null : Compile(comprehension.Transform).Expression;
        scope.RemoveAt(scope.Count - 1);
        comprehensionDepth--;
        return new ComprehensionExpression(comprehension.Macro, range, slot, predicate, transform);
    }

    [GeneratedRegex("__(underscores|dot|dash|slash)__", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeSequence();
}
