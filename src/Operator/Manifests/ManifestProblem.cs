namespace Skyforge.Operator.Manifests;

/// <summary>A reason a manifest is rejected, located by file, document, object and field path.</summary>
public sealed record ManifestProblem(string Source, int Document, string? Resource, string Path, string Message)
{
    public override string ToString()
    {
        var where = Resource is null ? $"{Source}: document {Document}" : $"{Source}: {Resource}";
        return Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}
