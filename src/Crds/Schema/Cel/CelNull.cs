namespace Skyforge.Crds.Schema.Cel;

/// <summary>The CEL <c>null</c> value.</summary>
internal sealed class CelNull
{
    public static readonly CelNull Value = new();

    private CelNull()
    {
    }

    public override string ToString() => "null";
}
