using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>A data service composed by the application: the operator creates it as a child resource.</summary>
public sealed record ComposedResource<TSpec>
    where TSpec : class
{
    /// <summary>Name of the child resource, and how services refer to it in uses.</summary>
    [RequiredField, Length(1, 40), Pattern(Patterns.DnsLabel)]
    public required string Name { get; init; }

    /// <summary>The child's spec, as for the standalone kind; the application's environment fills unset fields.</summary>
    [RequiredField, EmbeddedSpec]
    public required TSpec Spec { get; init; }
}
