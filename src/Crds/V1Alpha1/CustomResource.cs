namespace Skyforge.Crds.V1Alpha1;

/// <summary>The envelope shared by every Skyforge kind.</summary>
public abstract class CustomResource<TSpec, TStatus>
    where TSpec : class
    where TStatus : class
{
    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; set; } = Group.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Standard object metadata.</summary>
    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired state.</summary>
    public TSpec Spec { get; set; } = null!;

    /// <summary>The state last observed by the operator.</summary>
    public TStatus? Status { get; set; }
}
