namespace Skyforge.Operator.Tests.Foundation;

/// <summary>
/// Every file under Foundation/Invalid holds exactly one mistake and names, in its header (or a
/// .expect sidecar for the empty file), the field path and message the user must see.
/// </summary>
public sealed class InvalidManifestCorpusTests
{
    private static string CorpusDirectory => Path.Combine(RepoPaths.Root, "tests", "Operator.Tests", "Foundation", "Invalid");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.yaml").Order())
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_thirty_cases() => Assert.True(Cases().Count >= 30, $"only {Cases().Count} invalid manifests");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Render_rejects_it_with_the_field_path_and_prints_nothing(string name)
    {
        var file = Path.Combine(CorpusDirectory, name + ".yaml");
        var (path, message) = Expectations(file);

        var (code, stdout, stderr) = await Cli.RunAsync("render", file);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        if (path.Length > 0)
        {
            Assert.Contains($": {path}", stderr);
        }
        Assert.Contains(message, stderr);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validate_reports_the_same_problem(string name)
    {
        var file = Path.Combine(CorpusDirectory, name + ".yaml");
        var (path, _) = Expectations(file);

        var (code, _, stderr) = await Cli.RunAsync("validate", file);

        Assert.Equal(2, code);
        Assert.Contains(path, stderr);
    }

    private static (string Path, string Message) Expectations(string file)
    {
        var sidecar = Path.ChangeExtension(file, ".expect");
        var header = File.ReadLines(File.Exists(sidecar) ? sidecar : file).Take(2).ToList();
        return (Value(header[0], "# expect-path:"), Value(header[1], "# expect-message:"));
    }

    private static string Value(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.Ordinal)
            ? line[prefix.Length..].Trim()
            : throw new FormatException($"expected a line starting with '{prefix}', got '{line}'");
}
