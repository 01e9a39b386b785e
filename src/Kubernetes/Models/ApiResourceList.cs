namespace Skyforge.Kubernetes.Models;

/// <summary>The discovery document of one group/version (<c>/api/v1</c>, <c>/apis/&lt;group&gt;/&lt;version&gt;</c>).</summary>
public sealed record ApiResourceList
{
    public string? GroupVersion { get; init; }

    public IReadOnlyList<ApiResource> Resources { get; init; } = [];
}

/// <summary>One resource a group/version serves; subresources appear as <c>plural/subresource</c>.</summary>
public sealed record ApiResource
{
    public string Name { get; init; } = "";

    public string? SingularName { get; init; }

    public bool Namespaced { get; init; }

    public string? Kind { get; init; }

    public IReadOnlyList<string> Verbs { get; init; } = [];

    public IReadOnlyList<string>? ShortNames { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }
}
