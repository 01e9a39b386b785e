using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>Identity and labels of a data-service resource, read from its metadata.</summary>
internal sealed record DataServiceIdentity(ResourceIdentity Owner, string PartOf)
{
    private const string AppPlatformKind = "AppPlatform";

    /// <summary>Namespace "default" when unset (render of a manifest without one); uid empty until the object exists.</summary>
    public static DataServiceIdentity Of<TSpec, TStatus>(CustomResource<TSpec, TStatus> resource)
        where TSpec : class
        where TStatus : class
    {
        var metadata = resource.Metadata;
        if (string.IsNullOrEmpty(metadata.Name))
        {
            throw new ArgumentException($"{resource.Kind} has no metadata.name", nameof(resource));
        }
        if (resource.Spec is null)
        {
            throw new ArgumentException($"{resource.Kind} {metadata.Name} has no spec", nameof(resource));
        }
        var owner = new ResourceIdentity(resource.ApiVersion, resource.Kind, metadata.Namespace ?? "default", metadata.Name, metadata.Uid ?? "");
        // Composed children belong to their application; standalone resources are their own application.
        var application = metadata.OwnerReferences?.FirstOrDefault(reference => reference.Kind == AppPlatformKind)?.Name ?? metadata.Name;
        return new DataServiceIdentity(owner, application);
    }

    public string Name => Owner.Name;

    /// <summary>app.kubernetes.io labels of the objects making up one component of this resource.</summary>
    public SortedDictionary<string, string> Labels(string engine, string component) =>
        Manifest.Labels(engine, InClusterNames.LabelValue(Owner.Name), component, InClusterNames.LabelValue(PartOf));

    /// <summary>The labels a component's pods are selected by (a subset of <see cref="Labels"/> that never changes).</summary>
    public SortedDictionary<string, string> Selector(string engine, string component) => new(StringComparer.Ordinal)
    {
        [Manifest.NameLabel] = engine,
        [Manifest.InstanceLabel] = InClusterNames.LabelValue(Owner.Name),
        [Manifest.ComponentLabel] = component,
    };
}
