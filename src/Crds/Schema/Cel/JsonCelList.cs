using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema.Cel;

/// <summary>A JSON array seen through its schema; elements convert on access.</summary>
internal sealed class JsonCelList(JsonArray array, SchemaNode? schema) : CelList
{
    public override int Count => array.Count;

    public override CelListSemantics Semantics => schema?.ListType switch
    {
        "set" => CelListSemantics.Set,
        "map" => CelListSemantics.Map,
        _ => CelListSemantics.Ordered,
    };

    public override IReadOnlyList<string> MapKeys => schema?.ListMapKeys ?? [];

    public override object Get(int index) => CelValues.FromJson(array[index], schema?.Items);
}
