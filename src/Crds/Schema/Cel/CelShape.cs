namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// The statically known schema of an expression (null when dynamic), used at compile time to reject
/// selections of undeclared fields the way the API server's type checker does.
/// </summary>
internal readonly record struct CelShape(SchemaNode? Schema, bool IsResourceRoot)
{
    public static readonly CelShape Dynamic = default;

    public static CelShape Of(SchemaNode? schema) => new(schema, schema?.IsResourceRoot == true);
}
