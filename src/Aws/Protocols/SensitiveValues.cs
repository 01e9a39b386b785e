using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Skyforge.Aws.Protocols;

/// <summary>Collects the values of <see cref="AwsSensitiveAttribute"/> members in a request and scrubs them from text.</summary>
internal static class SensitiveValues
{
    private const string Mask = "***";
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    public static IReadOnlyCollection<string> Collect(object? request)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        CollectInto(request, sensitive: false, values);
        return values;
    }

    /// <summary>Replaces every sensitive value occurring in <paramref name="text"/> by <c>***</c>.</summary>
    public static string? Scrub(string? text, IReadOnlyCollection<string> values)
    {
        if (text is null)
        {
            return null;
        }
        foreach (var value in values.OrderByDescending(value => value.Length))
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    private static void CollectInto(object? value, bool sensitive, HashSet<string> values)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (sensitive && text.Length > 0)
                {
                    values.Add(text);
                }
                return;
            case byte[] bytes:
                if (sensitive && bytes.Length > 0)
                {
                    values.Add(Convert.ToBase64String(bytes));
                }
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    CollectInto(entry.Value, sensitive, values);
                }
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    CollectInto(item, sensitive, values);
                }
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is DateTimeOffset or decimal)
        {
            return;
        }
        foreach (var property in PropertiesByType.GetOrAdd(type, static type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.GetIndexParameters().Length == 0).ToArray()))
        {
            var isSensitive = sensitive || property.IsDefined(typeof(AwsSensitiveAttribute));
            CollectInto(property.GetValue(value), isSensitive, values);
        }
    }
}
