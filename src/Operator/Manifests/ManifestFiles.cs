namespace Skyforge.Operator.Manifests;

/// <summary>Reads manifest files from disk and validates them; a missing file is a problem like any other.</summary>
public static class ManifestFiles
{
    public static (IReadOnlyList<ValidManifest> Manifests, IReadOnlyList<ManifestProblem> Problems) Load(IEnumerable<string> paths)
    {
        var files = new List<(string, string)>();
        var missing = new List<ManifestProblem>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add((path, File.ReadAllText(path)));
            }
            else
            {
                missing.Add(new ManifestProblem(path, 0, null, "", "no such file"));
            }
        }
        var (manifests, problems) = ManifestValidator.ValidateFiles(files);
        return (manifests, [.. missing, .. problems]);
    }
}
