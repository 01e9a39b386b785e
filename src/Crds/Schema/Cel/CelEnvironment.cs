namespace Skyforge.Crds.Schema.Cel;

/// <summary>What a rule's variables are: the schema of <c>self</c> and whether <c>oldSelf</c> is optional.</summary>
internal sealed record CelEnvironment(SchemaNode SelfSchema, bool SelfIsResourceRoot, bool OldSelfIsOptional);
