namespace Skyforge.Runtime.Events;

/// <summary>The <c>type</c> of a core/v1 Event.</summary>
public enum EventKind
{
    Normal,
    Warning,
}
