using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Skyforge.Operator.IntegrationTests.Foundation;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Packaging;

/// <summary>
/// No Docker engine runs here, so the image's build step is checked by running it: the Dockerfile's own
/// `dotnet publish` command (its flags read from the Dockerfile) must produce a working `skyforge` entry point.
/// </summary>
public sealed partial class PublishTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Dockerfile"));
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("skyforge-publish-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void The_image_builds_with_the_sdk_and_runs_non_root_on_a_small_runtime_image()
    {
        var stages = FromLine().Matches(Dockerfile).Select(match => match.Groups["image"].Value).ToList();
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", stages[0]);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/(runtime-deps|aspnet):10\.0-noble-chiseled$", stages[^1]);
        Assert.Contains("\nUSER 65532:65532\n", Dockerfile);
        Assert.Contains("\nENTRYPOINT [\"/app/skyforge\", \"run\"]\n", Dockerfile);
    }

    [Fact]
    public void The_docker_context_keeps_every_copied_path()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, ".dockerignore"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.TrimEnd('/'))
            .ToList();
        var copied = CopyLine().Matches(Dockerfile).SelectMany(match => match.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.NotEmpty(copied);
        Assert.All(copied, source =>
        {
            Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, source)) || Directory.Exists(Path.Combine(RepositoryFiles.Root, source)), $"COPY {source}: no such path");
            Assert.DoesNotContain(ignored, pattern => source.TrimEnd('/') == pattern || source.StartsWith(pattern + "/", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task The_dockerfile_publish_command_produces_a_runnable_operator()
    {
        var publish = PublishLine().Match(Dockerfile);
        Assert.True(publish.Success, "the Dockerfile has no `RUN dotnet publish` step");
        var outputDirectory = Path.Combine(_work.FullName, "app");
        var arguments = publish.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(argument => argument != "--no-restore")
            .Select(argument => argument.Replace("$TARGETARCH", MachineArchitecture(), StringComparison.Ordinal))
            .Select(argument => argument == "/app" ? outputDirectory : argument)
            .ToList();
        Assert.Contains(outputDirectory, arguments);
        // Only the build's intermediate location differs: the shared source tree's obj/ folders are left alone.
        var started = Stopwatch.StartNew();
        var (exitCode, text) = await RunAsync("dotnet", ["publish", .. arguments, "--artifacts-path", Path.Combine(_work.FullName, "artifacts")], TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"dotnet publish failed:\n{text}");

        var entryPoint = Path.Combine(outputDirectory, "skyforge");
        Assert.True(File.Exists(entryPoint), "the publish output has no skyforge entry point");
        Assert.Empty(Directory.GetFiles(outputDirectory, "*.pdb"));
        var (versionExit, version) = await RunAsync(entryPoint, ["version"], TimeSpan.FromSeconds(30));
        Assert.Equal(0, versionExit);
        Assert.StartsWith("skyforge ", version);
        var bytes = Directory.EnumerateFiles(outputDirectory, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
        output.WriteLine($"published in {started.Elapsed.TotalSeconds:F0} s: {bytes / 1024.0 / 1024.0:F1} MiB in {outputDirectory} ({version.Trim()})");
    }

    private static string MachineArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        _ => "x64",
    };

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} ran longer than {timeout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^FROM (?:--platform=\S+ )?(?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^COPY (?!--from)(?<sources>.+) \S+$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"^RUN dotnet publish (?<args>.+)$", RegexOptions.Multiline)]
    private static partial Regex PublishLine();
}
