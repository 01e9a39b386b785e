using System.Text.Json;
using Skyforge.Crds.Schema;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Controllers;

/// <summary>What the generic reconciler needs to know about one kind besides its provider.</summary>
public abstract class ManagedKind<TResource>
    where TResource : class
{
    public abstract ResourceType Type { get; }

    /// <summary>The resource from the cached JSON.</summary>
    public abstract TResource Read(JsonElement raw);

    public abstract ResourceIdentity Identity(TResource resource);

    /// <summary>
    /// The immutable fields and their values, recorded on the object before the first create and compared
    /// on every reconcile (the CRD's CEL rules reject such changes; this is the defensive second check).
    /// </summary>
    public abstract IReadOnlyDictionary<string, string> ImmutableFields(TResource resource, BuildContext build);

    /// <summary>Whether deleting the object leaves the external resource in place.</summary>
    public abstract bool Retains(TResource resource);

    /// <summary>Why deleting the external resource is refused right now (e.g. deletion protection), or null.</summary>
    public virtual string? DeletionBlocked(TResource resource) => null;

    /// <summary>Problems the operator (not the schema) finds, e.g. a setting this build cannot serve.</summary>
    public virtual IReadOnlyList<FieldError> OperatorChecks(TResource resource, BuildContext build) => [];
}
