using Skyforge.Crds.Schema;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Controllers;

/// <summary>Identity and operator-side checks shared by the data-service kinds.</summary>
internal static class DataServiceIdentities
{
    public static ResourceIdentity Of<TSpec, TStatus>(CustomResource<TSpec, TStatus> resource)
        where TSpec : class
        where TStatus : class =>
        new(resource.ApiVersion, resource.Kind, resource.Metadata.Namespace ?? "default", resource.Metadata.Name ?? "", resource.Metadata.Uid ?? "");

    /// <summary>The AWS clients serve one region (the operator's); another spec.region cannot be honoured yet.</summary>
    public static IReadOnlyList<FieldError> RegionChecks(string? region, BuildContext build) =>
        region is null || region == build.DefaultRegion
            ? []
            : [new FieldError("spec.region", $"Unsupported value: \"{region}\": this operator manages region \"{build.DefaultRegion}\" only")];
}
