namespace Skyforge.Crds.Schema;

/// <summary>One step of a rule's <c>fieldPath</c>: a property (rendered <c>.name</c>) or a map key (<c>[key]</c>).</summary>
internal readonly record struct RuleFieldPathSegment(string Name, bool IsMapKey);
