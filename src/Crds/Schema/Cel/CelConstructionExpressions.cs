namespace Skyforge.Crds.Schema.Cel;

/// <summary>A list literal <c>[a, b]</c>.</summary>
internal sealed class ListExpression(IReadOnlyList<CelExpression> elements) : CelExpression
{
    public override object Evaluate(object[] slots)
    {
        var values = new object[elements.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = elements[i].Evaluate(slots);
            if (value is CelError)
            {
                return value;
            }

            values[i] = value;
        }

        return new ArrayCelList(values);
    }
}

/// <summary>A map literal <c>{k: v}</c>; keys must be int, uint, bool or string and unique.</summary>
internal sealed class MapExpression(IReadOnlyList<CelExpression> keys, IReadOnlyList<CelExpression> values) : CelExpression
{
    public override object Evaluate(object[] slots)
    {
        var entries = new List<KeyValuePair<object, object>>(keys.Count);
        var seen = new HashSet<object>(CelKeyComparer.Instance);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i].Evaluate(slots);
            if (key is CelError)
            {
                return key;
            }

            if (key is not (long or ulong or bool or string))
            {
                return new CelError($"unsupported map key type: {CelValues.TypeName(key)}");
            }

            var value = values[i].Evaluate(slots);
            if (value is CelError)
            {
                return value;
            }

            if (!seen.Add(key))
            {
                return new CelError($"Failed with repeated key: {CelFunctions.Stringify(key)}");
            }

            entries.Add(new KeyValuePair<object, object>(key, value));
        }

        return new DictionaryCelMap(entries);
    }
}
