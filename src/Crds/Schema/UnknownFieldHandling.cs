namespace Skyforge.Crds.Schema;

/// <summary>What validation does with fields the schema does not declare.</summary>
public enum UnknownFieldHandling
{
    /// <summary>Report each unknown field as an error (kubectl <c>--validate=strict</c>).</summary>
    Reject,

    /// <summary>Remove unknown fields silently, as the API server stores custom resources.</summary>
    Prune,
}
