namespace Skyforge.Crds.Schema.Cel;

internal sealed class ConstantExpression(object value) : CelExpression
{
    public override object Evaluate(object[] slots) => value;
}

/// <summary>A variable: <c>self</c>, <c>oldSelf</c> or a macro's iteration variable.</summary>
internal sealed class SlotExpression(int slot) : CelExpression
{
    public override object Evaluate(object[] slots) => slots[slot];
}

/// <summary><c>operand.key</c>; a missing key is the error "no such key", which rules guard with <c>has()</c>.</summary>
internal sealed class SelectExpression(CelExpression operand, string key) : CelExpression
{
    public override object Evaluate(object[] slots) => operand.Evaluate(slots) switch
    {
        CelError error => error,
        CelMap map => map.TryGet(key, out var value) ? value : new CelError($"no such key: {key}"),
        var other => new CelError($"type '{CelValues.TypeName(other)}' does not support field selection"),
    };
}

/// <summary>The <c>has(operand.key)</c> macro: presence of a field or map key.</summary>
internal sealed class HasExpression(CelExpression operand, string key) : CelExpression
{
    public override object Evaluate(object[] slots) => operand.Evaluate(slots) switch
    {
        CelError error => error,
        CelMap map => CelValues.Bool(map.ContainsKey(key)),
        var other => new CelError($"invalid type for field selection: {CelValues.TypeName(other)}"),
    };
}

/// <summary><c>operand[index]</c> on a list (int index) or a map (key).</summary>
internal sealed class IndexExpression(CelExpression operand, CelExpression index) : CelExpression
{
    public override object Evaluate(object[] slots)
    {
        var target = operand.Evaluate(slots);
        if (target is CelError)
        {
            return target;
        }

        var key = index.Evaluate(slots);
        if (key is CelError)
        {
            return key;
        }

        switch (target)
        {
            case CelList list:
                var position = key switch
                {
                    long l => l,
                    ulong u when u <= long.MaxValue => (long)u,
                    double d when JsonValues.IsIntegral(d) => (long)d,
                    _ => (long?)null,
                };
                if (position is null)
                {
                    return CelError.NoSuchOverload("_[_]", target, key);
                }

                return position >= 0 && position < list.Count
                    ? list.Get((int)position.Value)
                    : new CelError($"index out of bounds: {position}");
            case CelMap map:
                return map.TryGet(key, out var value) ? value : new CelError($"no such key: {CelFunctions.Stringify(key)}");
            default:
                return CelError.NoSuchOverload("_[_]", target, key);
        }
    }
}
