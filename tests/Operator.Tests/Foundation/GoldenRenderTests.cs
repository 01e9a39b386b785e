namespace Skyforge.Operator.Tests.Foundation;

/// <summary>
/// The full render of each sample, reviewed line by line once and committed. Regenerate on purpose
/// with SKYFORGE_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GoldenRenderTests
{
    public static TheoryData<string> Samples() =>
        new("palipoint", "portfolio", "shangwellness", "wallet", "cloud-design", "manageddatabase", "managedcache", "messagebus", "managedsecret");

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Render_matches_the_reviewed_golden_file(string sample)
    {
        var (code, stdout, stderr) = await Cli.RunAsync("render", RepoPaths.Sample(sample));
        Assert.True(code == 0, stderr);
        var golden = Path.Combine(RepoPaths.Root, "tests", "Operator.Tests", "Foundation", "Golden", sample + ".yaml");
        if (System.Environment.GetEnvironmentVariable("SKYFORGE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            await File.WriteAllTextAsync(golden, stdout);
        }
        Assert.True(File.Exists(golden), $"missing {golden}: run with SKYFORGE_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(await File.ReadAllTextAsync(golden), stdout);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Rendering_twice_gives_the_same_text(string sample)
    {
        var first = await Cli.RunAsync("render", RepoPaths.Sample(sample));
        var second = await Cli.RunAsync("render", RepoPaths.Sample(sample));
        Assert.Equal(first.Stdout, second.Stdout);
    }
}
