namespace Skyforge.Crds.Schema;

/// <summary>Options for <see cref="StructuralSchema.Validate"/>.</summary>
/// <param name="UnknownFields">Whether undeclared fields are rejected or pruned.</param>
public sealed record SchemaValidationOptions(UnknownFieldHandling UnknownFields = UnknownFieldHandling.Reject);
