using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Controllers;

/// <summary>The identity every data-service kind derives from its object.</summary>
internal static class DataServiceIdentities
{
    public static ResourceIdentity Of<TSpec, TStatus>(CustomResource<TSpec, TStatus> resource)
        where TSpec : class
        where TStatus : class =>
        new(resource.ApiVersion, resource.Kind, resource.Metadata.Namespace ?? "default", resource.Metadata.Name ?? "", resource.Metadata.Uid ?? "");
}
