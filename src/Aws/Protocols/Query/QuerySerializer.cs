using System.Collections;
using System.Globalization;
using System.Text;

namespace Skyforge.Aws.Protocols.Query;

/// <summary>
/// Encodes a request record as an awsQuery form body: <c>Action</c> and <c>Version</c>, then members in declaration
/// order; nested structures as <c>A.B</c>, lists as <c>L.&lt;member&gt;.N</c> (1-based), an empty list as <c>L=</c>,
/// booleans as <c>true</c>/<c>false</c>, timestamps in ISO 8601 UTC, blobs in base64.
/// </summary>
internal static class QuerySerializer
{
    public static string Serialize(string action, string version, object? request)
    {
        var pairs = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        if (request is not null)
        {
            AppendMembers(pairs, prefix: string.Empty, request);
        }
        var body = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }
            body.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return body.ToString();
    }

    private static void AppendMembers(List<KeyValuePair<string, string>> pairs, string prefix, object structure)
    {
        foreach (var property in QueryProperty.Of(structure.GetType()))
        {
            var value = property.Property.GetValue(structure);
            if (value is not null)
            {
                AppendValue(pairs, prefix + property.Name, value, property.ListMemberName);
            }
        }
    }

    private static void AppendValue(List<KeyValuePair<string, string>> pairs, string key, object value, string listMemberName)
    {
        if (QueryScalars.TryFormat(value, out var text))
        {
            pairs.Add(new(key, text));
            return;
        }
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                index++;
                AppendValue(pairs, string.Create(CultureInfo.InvariantCulture, $"{key}.{listMemberName}.{index}"), item, QueryProperty.DefaultListMemberName);
            }
            if (index == 0)
            {
                pairs.Add(new(key, string.Empty));
            }
            return;
        }
        AppendMembers(pairs, key + ".", value);
    }
}
