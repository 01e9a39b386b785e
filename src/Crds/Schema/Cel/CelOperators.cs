namespace Skyforge.Crds.Schema.Cel;

/// <summary>CEL operator semantics: heterogeneous numeric equality and ordering, checked integer arithmetic.</summary>
internal static class CelOperators
{
    /// <summary>Result of <see cref="Compare"/> when a NaN makes the operands unordered (every comparison is false).</summary>
    public const int Unordered = int.MinValue;

    private const long NanosecondsPerTick = 100;

    public static bool AreEqual(object left, object right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left, right) == 0;
        }

        switch (left)
        {
            case string text:
                return right is string other && string.Equals(text, other, StringComparison.Ordinal);
            case bool flag:
                return right is bool otherFlag && flag == otherFlag;
            case CelNull:
                return right is CelNull;
            case DateTimeOffset timestamp:
                return right is DateTimeOffset otherTimestamp && timestamp == otherTimestamp;
            case CelDuration duration:
                return right is CelDuration otherDuration && duration == otherDuration;
            case CelList list:
                return right is CelList otherList && ListsEqual(list, otherList);
            case CelMap map:
                return right is CelMap otherMap && MapsEqual(map, otherMap);
            case CelOptional optional:
                return right is CelOptional otherOptional
                    && optional.HasValue == otherOptional.HasValue
                    && (!optional.HasValue || AreEqual(optional.Value!, otherOptional.Value!));
            default:
                return false;
        }
    }

    /// <summary>Ordering for <c>&lt;</c> and friends; null when the operands have no ordering overload.</summary>
    public static int? Compare(object left, object right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left, right);
        }

        return (left, right) switch
        {
            (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
            (bool a, bool b) => a.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (CelDuration a, CelDuration b) => a.Nanoseconds.CompareTo(b.Nanoseconds),
            _ => null,
        };
    }

    public static object Add(object left, object right)
    {
        switch (left, right)
        {
            case (long a, long b):
                var sum = unchecked(a + b);
                return ((a ^ sum) & (b ^ sum)) < 0 ? Overflow() : sum;
            case (ulong a, ulong b):
                return a > ulong.MaxValue - b ? Overflow() : a + b;
            case (double a, double b):
                return a + b;
            case (string a, string b):
                return string.Concat(a, b);
            case (CelList a, CelList b):
                return Concatenate(a, b);
            case (DateTimeOffset a, CelDuration b):
                return AddDuration(a, b.Nanoseconds);
            case (CelDuration a, DateTimeOffset b):
                return AddDuration(b, a.Nanoseconds);
            case (CelDuration a, CelDuration b):
                var total = unchecked(a.Nanoseconds + b.Nanoseconds);
                return ((a.Nanoseconds ^ total) & (b.Nanoseconds ^ total)) < 0 ? Overflow() : new CelDuration(total);
            default:
                return CelError.NoSuchOverload("_+_", left, right);
        }
    }

    public static object Subtract(object left, object right)
    {
        switch (left, right)
        {
            case (long a, long b):
                var difference = unchecked(a - b);
                return ((a ^ b) & (a ^ difference)) < 0 ? Overflow() : difference;
            case (ulong a, ulong b):
                return b > a ? Overflow() : a - b;
            case (double a, double b):
                return a - b;
            case (DateTimeOffset a, DateTimeOffset b):
                return new CelDuration((a - b).Ticks * NanosecondsPerTick);
            case (DateTimeOffset a, CelDuration b):
                return AddDuration(a, -b.Nanoseconds);
            case (CelDuration a, CelDuration b):
                return new CelDuration(a.Nanoseconds - b.Nanoseconds);
            default:
                return CelError.NoSuchOverload("_-_", left, right);
        }
    }

    public static object Multiply(object left, object right)
    {
        try
        {
            return (left, right) switch
            {
                (long a, long b) => checked(a * b),
                (ulong a, ulong b) => checked(a * b),
                (double a, double b) => a * b,
                _ => CelError.NoSuchOverload("_*_", left, right),
            };
        }
        catch (OverflowException)
        {
            return Overflow();
        }
    }

    public static object Divide(object left, object right)
    {
        switch (left, right)
        {
            case (long _, 0L):
            case (ulong _, 0UL):
                return new CelError("division by zero");
            case (long a, long b):
                return a == long.MinValue && b == -1 ? Overflow() : a / b;
            case (ulong a, ulong b):
                return a / b;
            case (double a, double b):
                return a / b;
            default:
                return CelError.NoSuchOverload("_/_", left, right);
        }
    }

    public static object Modulo(object left, object right)
    {
        switch (left, right)
        {
            case (long _, 0L):
            case (ulong _, 0UL):
                return new CelError("modulus by zero");
            case (long a, long b):
                return a == long.MinValue && b == -1 ? 0L : a % b;
            case (ulong a, ulong b):
                return a % b;
            default:
                return CelError.NoSuchOverload("_%_", left, right);
        }
    }

    public static object Negate(object operand) => operand switch
    {
        long value => value == long.MinValue ? Overflow() : -value,
        double value => -value,
        CelDuration value => new CelDuration(-value.Nanoseconds),
        _ => CelError.NoSuchOverload("-_", operand),
    };

    /// <summary>The <c>in</c> operator: list membership or map key presence.</summary>
    public static object In(object element, object container)
    {
        switch (container)
        {
            case CelList list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (AreEqual(element, list.Get(i)))
                    {
                        return CelValues.True;
                    }
                }

                return CelValues.False;
            case CelMap map:
                return CelValues.Bool(map.ContainsKey(element));
            default:
                return CelError.NoSuchOverload("@in", element, container);
        }
    }

    public static bool IsNumber(object value) => value is long or ulong or double;

    private static int CompareNumbers(object left, object right)
    {
        switch (left, right)
        {
            case (long a, long b):
                return a.CompareTo(b);
            case (ulong a, ulong b):
                return a.CompareTo(b);
            case (long a, ulong b):
                return a < 0 ? -1 : ((ulong)a).CompareTo(b);
            case (ulong a, long b):
                return b < 0 ? 1 : a.CompareTo((ulong)b);
        }

        var x = ToDouble(left);
        var y = ToDouble(right);
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return Unordered;
        }

        return x.CompareTo(y);
    }

    private static double ToDouble(object value) => value switch
    {
        long l => l,
        ulong u => u,
        _ => (double)value,
    };

    private static bool ListsEqual(CelList left, CelList right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        if (left.Semantics == CelListSemantics.Ordered && right.Semantics == CelListSemantics.Ordered)
        {
            for (var i = 0; i < left.Count; i++)
            {
                if (!AreEqual(left.Get(i), right.Get(i)))
                {
                    return false;
                }
            }

            return true;
        }

        // Sets and map-lists are unordered: every element needs a distinct equal partner.
        var matched = new bool[right.Count];
        for (var i = 0; i < left.Count; i++)
        {
            var element = left.Get(i);
            var found = false;
            for (var j = 0; j < right.Count; j++)
            {
                if (!matched[j] && AreEqual(element, right.Get(j)))
                {
                    matched[j] = true;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(CelMap left, CelMap right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var key in left.Keys)
        {
            if (!left.TryGet(key, out var value) || !right.TryGet(key, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static CelList Concatenate(CelList left, CelList right)
    {
        switch (left.Semantics)
        {
            case CelListSemantics.Set:
                var union = left.Elements().ToList();
                foreach (var element in right.Elements())
                {
                    if (!union.Any(existing => AreEqual(existing, element)))
                    {
                        union.Add(element);
                    }
                }

                return new ArrayCelList(union, CelListSemantics.Set);
            case CelListSemantics.Map:
                var merged = left.Elements().ToList();
                foreach (var element in right.Elements())
                {
                    var index = merged.FindIndex(existing => SameMapKeys(existing, element, left.MapKeys));
                    if (index >= 0)
                    {
                        merged[index] = element;
                    }
                    else
                    {
                        merged.Add(element);
                    }
                }

                return new ArrayCelList(merged, CelListSemantics.Map, left.MapKeys);
            default:
                return new ArrayCelList(left.Elements().Concat(right.Elements()).ToList());
        }
    }

    private static bool SameMapKeys(object left, object right, IReadOnlyList<string> keys)
    {
        if (left is not CelMap a || right is not CelMap b)
        {
            return false;
        }

        foreach (var key in keys)
        {
            var hasLeft = a.TryGet(key, out var leftValue);
            var hasRight = b.TryGet(key, out var rightValue);
            if (hasLeft != hasRight || (hasLeft && !AreEqual(leftValue, rightValue)))
            {
                return false;
            }
        }

        return true;
    }

    private static object AddDuration(DateTimeOffset timestamp, long nanoseconds)
    {
        try
        {
            return timestamp.AddTicks(nanoseconds / NanosecondsPerTick);
        }
        catch (ArgumentOutOfRangeException)
        {
            return new CelError("timestamp out of range");
        }
    }

    private static CelError Overflow() => new("integer overflow");
}
