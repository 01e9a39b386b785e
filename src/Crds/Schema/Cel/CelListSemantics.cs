namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// How a list compares and concatenates: schema lists with <c>x-kubernetes-list-type</c> <c>set</c> or
/// <c>map</c> ignore order for equality and merge on <c>+</c>, as in the API server's CEL library.
/// </summary>
internal enum CelListSemantics
{
    Ordered,
    Set,
    Map,
}
