using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Skyforge.TestKit.Cli;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class ServeCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("skyforge-serve-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Serve_installs_the_crds_writes_a_kubeconfig_and_announces_the_url()
    {
        var crds = _directory.CreateSubdirectory("crd");
        await File.WriteAllTextAsync(Path.Combine(crds.FullName, "widgets.yaml"), TestResources.WidgetDefinitionYaml);
        var kubeconfig = Path.Combine(_directory.FullName, "kubeconfig");
        var output = new LineWriter();
        using var stop = new CancellationTokenSource();

        var serving = CommandDispatcher.RunAsync(
            ["serve", "--port", "0", "--tls", "--crds", crds.FullName, "--kubeconfig-out", kubeconfig, "--token", "serve-token"],
            output, TextWriter.Null, stop.Token);
        var ready = await output.NextLineAsync();
        using var kubectl = new Kubectl(kubeconfig);
        var established = await kubectl.RunAsync("get", "crd", "widgets.test.skyforge.dev", "-o", "jsonpath={.status.conditions[?(@.type==\"Established\")].status}");
        var widgets = await kubectl.RunAsync("get", "widgets");
        await stop.CancelAsync();
        var exitCode = await serving;

        Assert.Matches(@"^ready https://127\.0\.0\.1:\d+$", ready);
        Assert.Contains("token: serve-token", await File.ReadAllTextAsync(kubeconfig), StringComparison.Ordinal);
        Assert.Equal("True", established.Expect().Trim());
        Assert.Contains("No resources found", widgets.Error, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Unknown_commands_and_options_are_usage_errors()
    {
        var error = new StringWriter();

        var unknownCommand = await CommandDispatcher.RunAsync(["launch"], TextWriter.Null, error, CancellationToken.None);
        var unknownOption = await CommandDispatcher.RunAsync(["serve", "--colour", "red"], TextWriter.Null, error, CancellationToken.None);
        var missingDirectory = await CommandDispatcher.RunAsync(["serve", "--crds", Path.Combine(_directory.FullName, "none")], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, unknownCommand);
        Assert.Equal(2, unknownOption);
        Assert.Equal(2, missingDirectory);
        Assert.Contains("unknown command \"launch\"", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown option \"--colour\"", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_executable_serves_until_sigterm()
    {
        var assembly = typeof(CommandDispatcher).Assembly.Location;
        var kubeconfig = Path.Combine(_directory.FullName, "kubeconfig");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { assembly, "serve", "--port", "0", "--tls", "--kubeconfig-out", kubeconfig })
        {
            info.ArgumentList.Add(arg);
        }
        using var server = Process.Start(info)!;
        try
        {
            var ready = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            using var kubectl = new Kubectl(kubeconfig);
            var namespaces = await kubectl.RunAsync("get", "namespaces", "-o", "name");

            using var terminate = Process.Start("kill", ["-TERM", server.Id.ToString()])!;
            await terminate.WaitForExitAsync();
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.StartsWith("ready https://127.0.0.1:", ready, StringComparison.Ordinal);
            Assert.Contains("namespace/default", namespaces.Expect(), StringComparison.Ordinal);
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
            }
        }
    }

    /// <summary>A TextWriter that hands each completed line to a reader.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _current = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_current)
            {
                if (value == '\n')
                {
                    _lines.Writer.TryWrite(_current.ToString().TrimEnd('\r'));
                    _current.Clear();
                }
                else
                {
                    _current.Append(value);
                }
            }
        }

        public async Task<string> NextLineAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
    }
}
