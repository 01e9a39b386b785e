using System.Diagnostics;
using System.Threading.Channels;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

/// <summary>
/// Runs the real kubectl against a test API server: a kubeconfig in a private temp directory (passed via
/// KUBECONFIG), HOME pointing there too, and a fresh discovery cache per invocation so newly
/// registered CRDs are always seen.
/// </summary>
internal sealed class Kubectl : IDisposable
{
    private readonly string _directory;
    private readonly string _kubeconfig;
    private int _invocations;

    public Kubectl(TestApiServer server)
    {
        _directory = Directory.CreateTempSubdirectory("skyforge-kubectl-").FullName;
        _kubeconfig = Path.Combine(_directory, "kubeconfig");
        server.WriteKubeconfig(_kubeconfig);
    }

    public Kubectl(string kubeconfigPath)
    {
        _directory = Directory.CreateTempSubdirectory("skyforge-kubectl-").FullName;
        _kubeconfig = kubeconfigPath;
    }

    /// <summary>kubectl must be installed: the fidelity checks are the independent client, so they never skip.</summary>
    public static string Binary { get; } = Locate();

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<KubectlResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        return await process.CompleteAsync(TimeSpan.FromSeconds(30));
    }

    public KubectlProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--cache-dir");
        info.ArgumentList.Add(Path.Combine(_directory, $"cache-{Interlocked.Increment(ref _invocations)}"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["KUBECONFIG"] = _kubeconfig;
        info.Environment["HOME"] = _directory;
        info.Environment.Remove("KUBERNETES_SERVICE_HOST");
        return new KubectlProcess(Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start"), string.Join(' ', args));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed kubectl may still hold its cache directory for a moment; the temp folder is disposable.
        }
    }

    private static string Locate()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "kubectl"))
            .Prepend("/usr/bin/kubectl");
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "kubectl was not found (looked in /usr/bin and PATH). The kubectl fidelity tests need the real kubectl binary; install it (.ci/run does) — these tests are never skipped.");
    }
}

internal sealed record KubectlResult(int ExitCode, string Output, string Error)
{
    public string Expect(int exitCode = 0)
    {
        Assert.True(ExitCode == exitCode, $"kubectl exited {ExitCode}, expected {exitCode}\nstdout: {Output}\nstderr: {Error}");
        return Output;
    }
}

/// <summary>A running kubectl whose output can be read line by line while it runs.</summary>
internal sealed class KubectlProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _command;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly System.Text.StringBuilder _output = new();
    private readonly System.Text.StringBuilder _error = new();
    private readonly Task _pump;

    public KubectlProcess(Process process, string command)
    {
        _process = process;
        _command = command;
        _process.StandardInput.Close();
        _pump = Task.WhenAll(PumpAsync(process.StandardOutput, _output, _lines.Writer), PumpAsync(process.StandardError, _error, null));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The next stdout line, failing the test if none arrives in time.</summary>
    public async Task<string> ReadLineAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            return await _lines.Reader.ReadAsync(cancel.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException($"`kubectl {_command}` printed no further line; stderr: {ErrorText()}");
        }
    }

    /// <summary>Reads lines until one satisfies <paramref name="match"/>.</summary>
    public async Task<string> ReadLineUntilAsync(Func<string, bool> match)
    {
        while (true)
        {
            var line = await ReadLineAsync();
            if (match(line))
            {
                return line;
            }
        }
    }

    public async Task<KubectlResult> CompleteAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Stop();
            throw new Xunit.Sdk.XunitException($"`kubectl {_command}` did not finish within {timeout}; stderr: {ErrorText()}");
        }
        await _pump;
        return new KubectlResult(_process.ExitCode, _output.ToString(), _error.ToString());
    }

    /// <summary>Ends this kubectl (and only it) if it is still running.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private string ErrorText()
    {
        lock (_error)
        {
            return _error.ToString();
        }
    }

    private static async Task PumpAsync(StreamReader reader, System.Text.StringBuilder sink, ChannelWriter<string>? lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (sink)
            {
                sink.AppendLine(line);
            }
            lines?.TryWrite(line);
        }
        lines?.TryComplete();
    }
}
