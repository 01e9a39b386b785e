using System.Xml.Linq;

namespace Skyforge.Bench.Stub;

/// <summary>
/// A resource of a query-protocol service (RDS, ElastiCache) as the stub keeps it: the scalar parameters of its
/// create call, echoed back by name in descriptions (so the operator sees exactly the settings it asked for), and
/// its tags. Credentials sent with the create are never kept.
/// </summary>
internal sealed class QueryResource
{
    private static readonly string[] NotEchoed = ["Action", "Version", "ApplyImmediately"];
    private static readonly string[] CredentialWords = ["Password", "AuthToken", "Secret"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _fields;
    private readonly List<(string Key, string Value)> _tags;

    public QueryResource(StubRequest create, string arn)
    {
        Arn = arn;
        _fields = Scalars(create);
        _tags = [.. create.QueryTags()];
        HadCredential = create.Form.Keys.Any(IsCredential);
    }

    public string Arn { get; }

    /// <summary>Whether the create carried a credential (e.g. an AUTH token), without keeping it.</summary>
    public bool HadCredential { get; }

    public string? Field(string name)
    {
        lock (_gate)
        {
            return _fields.GetValueOrDefault(name);
        }
    }

    /// <summary>Applies a Modify call's scalar parameters.</summary>
    public void Modify(StubRequest modify)
    {
        lock (_gate)
        {
            foreach (var (name, value) in Scalars(modify))
            {
                _fields[name] = value;
            }
        }
    }

    public void AddTags(IEnumerable<(string Key, string Value)> tags)
    {
        lock (_gate)
        {
            foreach (var tag in tags)
            {
                _tags.RemoveAll(existing => existing.Key == tag.Key);
                _tags.Add(tag);
            }
        }
    }

    public XElement TagList()
    {
        lock (_gate)
        {
            return StubResponse.Element("TagList", _tags.Select(tag => StubResponse.Element("Tag", StubResponse.Element("Key", tag.Key), StubResponse.Element("Value", tag.Value))));
        }
    }

    /// <summary><paramref name="element"/> holding the echoed parameters, then <paramref name="extra"/> elements (which win over echoed ones of the same name).</summary>
    public XElement Render(string element, params XElement[] extra)
    {
        var names = extra.Select(item => item.Name.LocalName).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            return StubResponse.Element(element,
                _fields.Where(field => !names.Contains(field.Key)).Select(field => StubResponse.Element(field.Key, field.Value)),
                extra);
        }
    }

    private static Dictionary<string, string> Scalars(StubRequest request) =>
        request.Form.Where(field => !field.Key.Contains('.', StringComparison.Ordinal) && !NotEchoed.Contains(field.Key) && !IsCredential(field.Key))
            .ToDictionary(field => field.Key, field => field.Value, StringComparer.Ordinal);

    private static bool IsCredential(string name) => CredentialWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
