namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>
/// One served group/version/resource and the rules its registry strategy applies.
/// Every served version of a custom resource is its own instance sharing one storage key.
/// </summary>
internal sealed class ResourceType
{
    public static readonly IReadOnlyList<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required string Kind { get; init; }

    public string ListKind { get; init; } = "";

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;

    /// <summary>The type has a <c>/status</c> subresource: the main endpoint ignores status and vice versa.</summary>
    public bool HasStatusSubresource { get; init; }

    /// <summary>metadata.generation is set to 1 on create and bumped when the spec changes.</summary>
    public bool TracksGeneration { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>PUT on a missing object creates it (true for a few built-ins such as leases).</summary>
    public bool AllowCreateOnUpdate { get; init; }

    /// <summary>PUT without metadata.resourceVersion is accepted (built-ins); custom resources require it.</summary>
    public bool AllowUnconditionalUpdate { get; init; } = true;

    /// <summary>Field selectors beyond metadata.name and metadata.namespace.</summary>
    public IReadOnlyList<string> ExtraSelectableFields { get; init; } = [];

    public CustomResourceSchema? Schema { get; init; }

    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>The version objects of this resource are stored in (the CRD's storage version).</summary>
    public string StorageVersion { get; init; } = "";

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public StorageKey Key => new(Group, Plural);

    public string EffectiveListKind => ListKind.Length > 0 ? ListKind : Kind + "List";

    public bool Supports(string verb) => Verbs.Contains(verb);
}

/// <summary>Identifies a stored resource regardless of the version it is served in.</summary>
internal readonly record struct StorageKey(string Group, string Resource);
