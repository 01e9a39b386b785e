namespace Skyforge.Crds.Schema.Cel;

internal sealed class NotExpression(CelExpression operand) : CelExpression
{
    public override object Evaluate(object[] slots) => operand.Evaluate(slots) switch
    {
        bool value => CelValues.Bool(!value),
        CelError error => error,
        var other => CelError.NoSuchOverload("!_", other),
    };
}

internal sealed class NegateExpression(CelExpression operand) : CelExpression
{
    public override object Evaluate(object[] slots)
    {
        var value = operand.Evaluate(slots);
        return value is CelError ? value : CelOperators.Negate(value);
    }
}

/// <summary>
/// <c>&amp;&amp;</c> and <c>||</c> with CEL's commutative error handling: a decisive operand
/// (false for and, true for or) wins even if the other operand is an error.
/// </summary>
internal sealed class LogicalExpression(CelExpression left, CelExpression right, bool isAnd) : CelExpression
{
    public override object Evaluate(object[] slots)
    {
        var decisive = !isAnd;
        var leftValue = left.Evaluate(slots);
        if (leftValue is bool l && l == decisive)
        {
            return CelValues.Bool(decisive);
        }

        var rightValue = right.Evaluate(slots);
        if (rightValue is bool r && r == decisive)
        {
            return CelValues.Bool(decisive);
        }

        if (leftValue is not bool)
        {
            return leftValue as CelError ?? CelError.NoSuchOverload(isAnd ? "_&&_" : "_||_", leftValue, rightValue);
        }

        if (rightValue is not bool)
        {
            return rightValue as CelError ?? CelError.NoSuchOverload(isAnd ? "_&&_" : "_||_", leftValue, rightValue);
        }

        return CelValues.Bool(!decisive);
    }
}

internal sealed class ConditionalExpression(CelExpression condition, CelExpression whenTrue, CelExpression whenFalse) : CelExpression
{
    public override object Evaluate(object[] slots) => condition.Evaluate(slots) switch
    {
        bool value => value ? whenTrue.Evaluate(slots) : whenFalse.Evaluate(slots),
        CelError error => error,
        var other => CelError.NoSuchOverload("_?_:_", other),
    };
}

/// <summary>Arithmetic, comparison and <c>in</c>; both operands are evaluated and errors propagate.</summary>
internal sealed class BinaryExpression(CelBinaryOperator op, CelExpression left, CelExpression right) : CelExpression
{
    public override object Evaluate(object[] slots)
    {
        var leftValue = left.Evaluate(slots);
        if (leftValue is CelError)
        {
            return leftValue;
        }

        var rightValue = right.Evaluate(slots);
        if (rightValue is CelError)
        {
            return rightValue;
        }

        return op switch
        {
            CelBinaryOperator.Add => CelOperators.Add(leftValue, rightValue),
            CelBinaryOperator.Subtract => CelOperators.Subtract(leftValue, rightValue),
            CelBinaryOperator.Multiply => CelOperators.Multiply(leftValue, rightValue),
            CelBinaryOperator.Divide => CelOperators.Divide(leftValue, rightValue),
            CelBinaryOperator.Modulo => CelOperators.Modulo(leftValue, rightValue),
            CelBinaryOperator.Equal => CelValues.Bool(CelOperators.AreEqual(leftValue, rightValue)),
            CelBinaryOperator.NotEqual => CelValues.Bool(!CelOperators.AreEqual(leftValue, rightValue)),
            CelBinaryOperator.In => CelOperators.In(leftValue, rightValue),
            _ => Compare(leftValue, rightValue),
        };
    }

    private object Compare(object leftValue, object rightValue)
    {
        var result = CelOperators.Compare(leftValue, rightValue);
        if (result is null)
        {
            return CelError.NoSuchOverload(Symbol(), leftValue, rightValue);
        }

        if (result == CelOperators.Unordered)
        {
            return CelValues.False;
        }

        return CelValues.Bool(op switch
        {
            CelBinaryOperator.Less => result < 0,
            CelBinaryOperator.LessEqual => result <= 0,
            CelBinaryOperator.Greater => result > 0,
            _ => result >= 0,
        });
    }

    private string Symbol() => op switch
    {
        CelBinaryOperator.Less => "_<_",
        CelBinaryOperator.LessEqual => "_<=_",
        CelBinaryOperator.Greater => "_>_",
        _ => "_>=_",
    };
}
