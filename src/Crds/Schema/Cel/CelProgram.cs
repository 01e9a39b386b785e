namespace Skyforge.Crds.Schema.Cel;

/// <summary>A compiled rule or message expression, evaluated with <c>self</c> and <c>oldSelf</c> bound.</summary>
internal sealed class CelProgram(CelExpression root, int slotCount, bool referencesOldSelf)
{
    public const int SelfSlot = 0;
    public const int OldSelfSlot = 1;

    /// <summary>True for transition rules, which only run on updates.</summary>
    public bool ReferencesOldSelf { get; } = referencesOldSelf;

    public object Evaluate(object self, object oldSelf)
    {
        var slots = new object[slotCount];
        slots[SelfSlot] = self;
        slots[OldSelfSlot] = oldSelf;
        try
        {
            return root.Evaluate(slots);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return new CelError($"internal error: {exception.Message}");
        }
    }
}
