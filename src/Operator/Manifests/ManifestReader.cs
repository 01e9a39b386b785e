using Skyforge.Kubernetes.Serialization;

namespace Skyforge.Operator.Manifests;

/// <summary>Splits YAML files into documents, turning unreadable input into problems rather than exceptions.</summary>
public static class ManifestReader
{
    public static (IReadOnlyList<ManifestDocument> Documents, IReadOnlyList<ManifestProblem> Problems) Read(string source, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], [new ManifestProblem(source, 0, null, "", "the file is empty: expected at least one Skyforge resource")]);
        }
        try
        {
            var documents = YamlDocuments.Parse(text).Select((content, i) => new ManifestDocument(source, i + 1, content)).ToList();
            return documents.Count == 0
                ? ([], [new ManifestProblem(source, 0, null, "", "the file holds no YAML documents: expected at least one Skyforge resource")])
                : (documents, []);
        }
        catch (YamlFormatException ex)
        {
            return ([], [new ManifestProblem(source, 0, null, "", $"YAML syntax error: {ex.Message}")]);
        }
    }
}
