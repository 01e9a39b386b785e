using System.Text.Json.Nodes;

namespace Skyforge.Bench.Stub;

/// <summary>
/// One AWS request as the stub sees it: the service (from the SigV4 credential scope), the operation, and its
/// parameters — form fields (query protocol), the JSON body (JSON 1.1), or method, decoded path, query string and
/// JSON body (MSK's REST-JSON).
/// </summary>
internal sealed record StubRequest(string Service, string Operation, IReadOnlyDictionary<string, string> Form, JsonObject Body, string Method, string Path, IReadOnlyDictionary<string, string> Query)
{
    /// <summary>A form field, or null.</summary>
    public string? Field(string name) => Form.GetValueOrDefault(name);

    /// <summary>A string member of the JSON body, or null.</summary>
    public string? Member(string name) => Body[name]?.GetValue<string>();

    /// <summary>Tags of a query request (<c>Tags.Tag.1.Key</c> or <c>Tags.member.1.Key</c>), in order.</summary>
    public IReadOnlyList<(string Key, string Value)> QueryTags()
    {
        var tags = new List<(string, string)>();
        foreach (var prefix in new[] { "Tags.Tag.", "Tags.member." })
        {
            for (var index = 1; Form.TryGetValue($"{prefix}{index}.Key", out var key); index++)
            {
                tags.Add((key, Form.GetValueOrDefault($"{prefix}{index}.Value") ?? ""));
            }
        }
        return tags;
    }
}
