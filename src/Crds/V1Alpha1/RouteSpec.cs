using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>An ingress rule sending a path to this service.</summary>
public sealed record RouteSpec
{
    /// <summary>URL path, e.g. / or /api.</summary>
    [RequiredField, Length(1, 1024), Pattern("^/[^\\s]*$")]
    public required string Path { get; init; }

    /// <summary>Path matching.</summary>
    [Default("\"Prefix\"")]
    public PathType? PathType { get; init; }
}
