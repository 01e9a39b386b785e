namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// A compiled, immutable CEL expression node. <see cref="Evaluate"/> returns a CEL value or a
/// <see cref="CelError"/>; variables live in the per-evaluation <c>slots</c> array, so one compiled tree
/// can be evaluated from many threads.
/// </summary>
internal abstract class CelExpression
{
    public abstract object Evaluate(object[] slots);
}
