namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// A CEL evaluation error carried as a value, so <c>&amp;&amp;</c>, <c>||</c> and the <c>all</c>/<c>exists</c>
/// macros can absorb it the way CEL specifies (<c>false &amp;&amp; error</c> is <c>false</c>).
/// </summary>
internal sealed class CelError(string message)
{
    public string Message { get; } = message;

    public static CelError NoSuchOverload(string function, params object[] arguments) =>
        new($"no such overload: {function}({string.Join(", ", arguments.Select(CelValues.TypeName))})");

    public override string ToString() => Message;
}
