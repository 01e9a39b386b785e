namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// The <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c> and <c>filter</c> macros over a list's
/// elements or a map's keys. <c>all</c>/<c>exists</c> absorb errors when the result is decided anyway.
/// </summary>
internal sealed class ComprehensionExpression(
    CelMacro macro,
    CelExpression range,
    int slot,
    CelExpression? predicate,
    CelExpression? transform) : CelExpression
{
    public override object Evaluate(object[] slots)
    {
        var source = range.Evaluate(slots);
        IEnumerable<object> items;
        switch (source)
        {
            case CelError:
                return source;
            case CelList list:
                items = list.Elements();
                break;
            case CelMap map:
                items = map.Keys;
                break;
            default:
                return CelError.NoSuchOverload(MacroName(), source);
        }

        return macro switch
        {
            CelMacro.All => Quantify(items, slots, decisive: false),
            CelMacro.Exists => Quantify(items, slots, decisive: true),
            CelMacro.ExistsOne => ExistsOne(items, slots),
            _ => Collect(items, slots),
        };
    }

    private object Quantify(IEnumerable<object> items, object[] slots, bool decisive)
    {
        object? firstError = null;
        foreach (var item in items)
        {
            slots[slot] = item;
            switch (predicate!.Evaluate(slots))
            {
                case bool value when value == decisive:
                    return CelValues.Bool(decisive);
                case bool:
                    break;
                case CelError error:
                    firstError ??= error;
                    break;
                case var other:
                    firstError ??= CelError.NoSuchOverload(MacroName(), other);
                    break;
            }
        }

        return firstError ?? CelValues.Bool(!decisive);
    }

    private object ExistsOne(IEnumerable<object> items, object[] slots)
    {
        var count = 0;
        foreach (var item in items)
        {
            slots[slot] = item;
            switch (predicate!.Evaluate(slots))
            {
                case true:
                    count++;
                    break;
                case false:
                    break;
                case CelError error:
                    return error;
                case var other:
                    return CelError.NoSuchOverload(MacroName(), other);
            }
        }

        return CelValues.Bool(count == 1);
    }

    private object Collect(IEnumerable<object> items, object[] slots)
    {
        var results = new List<object>();
        foreach (var item in items)
        {
            slots[slot] = item;
            if (predicate is not null)
            {
                switch (predicate.Evaluate(slots))
                {
                    case true:
                        break;
                    case false:
                        continue;
                    case CelError error:
                        return error;
                    case var other:
                        return CelError.NoSuchOverload(MacroName(), other);
                }
            }

            var value = transform is null ? item : transform.Evaluate(slots);
            if (value is CelError)
            {
                return value;
            }

            results.Add(value);
        }

        return new ArrayCelList(results);
    }

    private string MacroName() => macro switch
    {
        CelMacro.All => "all",
        CelMacro.Exists => "exists",
        CelMacro.ExistsOne => "exists_one",
        CelMacro.Map => "map",
        _ => "filter",
    };
}
