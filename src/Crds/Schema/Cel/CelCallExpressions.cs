
namespace Skyforge.Crds.Schema.Cel;

/// <summary>A call to a library function; arguments (receiver first) are evaluated strictly.</summary>
internal sealed class CallExpression(CelFunction function, IReadOnlyList<CelExpression> arguments) : CelExpression
{
    public override object Evaluate(object[] slots)
    {
        var values = new object[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = arguments[i].Evaluate(slots);
            if (value is CelError)
            {
                return value;
            }

            values[i] = value;
        }

        return function.Body(values);
    }
}

/// <summary><c>s.matches('literal')</c> with the RE2 pattern compiled once when the rule is compiled.</summary>
internal sealed class RegexMatchExpression(CelExpression subject, Re2Pattern regex) : CelExpression
{
    public override object Evaluate(object[] slots) => subject.Evaluate(slots) switch
    {
        string text => CelValues.Bool(regex.IsMatch(text)),
        CelError error => error,
        var other => CelError.NoSuchOverload("matches", other, string.Empty),
    };
}
