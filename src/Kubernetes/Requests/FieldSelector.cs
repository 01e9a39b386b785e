using System.Text;

namespace Skyforge.Kubernetes.Requests;

/// <summary>An immutable field selector (<c>=</c> and <c>!=</c> terms joined by commas), escaped as the API expects.</summary>
public sealed class FieldSelector
{
    private readonly IReadOnlyList<string> _terms;

    private FieldSelector(IReadOnlyList<string> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>Selects the object with this <c>metadata.name</c>.</summary>
    public static FieldSelector ByName(string name) => Everything.Equal("metadata.name", name);

    public bool IsEverything => _terms.Count == 0;

    public FieldSelector Equal(string field, string value) => With($"{CheckedField(field)}={Escape(value)}");

    public FieldSelector NotEqual(string field, string value) => With($"{CheckedField(field)}!={Escape(value)}");

    public override string ToString() => string.Join(",", _terms);

    private FieldSelector With(string term) => new([.. _terms, term]);

    private static string CheckedField(string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        return field.Any(c => c is ',' or '=' or '!' or '\\' || char.IsWhiteSpace(c))
            ? throw new ArgumentException($"invalid field path \"{field}\"", nameof(field))
            : field;
    }

    // The API server splits terms on unescaped ',' and '=' and treats '\' as the escape character.
    private static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or ',' or '=')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
