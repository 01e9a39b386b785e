using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Skyforge.Operator.Hosting;
using Skyforge.Operator.IntegrationTests.ApiServer;

namespace Skyforge.Operator.IntegrationTests.Hosting;

/// <summary>
/// <c>skyforge run</c> in this process (with the given controller modules, none by default), on loopback ports chosen by the OS, until disposed;
/// its bound addresses are read from the log lines it writes.
/// </summary>
internal sealed partial class RunningOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _stderr = new();
    private Task<int> _run = Task.FromResult(0);

    private RunningOperator()
    {
    }

    public LogLines Logs { get; } = new();

    public string Stderr => _stderr.ToString();

    public Uri MetricsUrl { get; private set; } = null!;

    public Uri HealthUrl { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Starts the operator and waits until both listeners are bound.</summary>
    public static async Task<RunningOperator> StartAsync(
        string kubeconfig,
        IEnumerable<string>? flags = null,
        Dictionary<string, string?>? environment = null,
        IReadOnlyList<IOperatorModule>? modules = null)
    {
        var running = new RunningOperator();
        running._run = running.RunAsync(
            ["--kubeconfig", kubeconfig, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0", .. flags ?? []],
            environment,
            modules ?? []);
        await Eventually.TrueAsync(
            () => running._run.IsCompleted || running.Logs.All.Any(line => line.Contains("health listening on", StringComparison.Ordinal)),
            "the operator logs its listen addresses",
            TimeSpan.FromSeconds(30));
        if (running._run.IsCompleted)
        {
            Assert.Fail($"the operator exited with {await running._run}: {running.Stderr}");
        }
        running.MetricsUrl = running.ListenUrl("metrics");
        running.HealthUrl = running.ListenUrl("health");
        return running;
    }

    /// <summary>Runs the command to completion (for start-up failures).</summary>
    public static async Task<(int ExitCode, string Stderr, LogLines Logs)> RunToExitAsync(IReadOnlyList<string> args)
    {
        var running = new RunningOperator();
        var exit = await running.RunAsync(args, environment: null, modules: []).WaitAsync(TimeSpan.FromSeconds(30));
        await running.DisposeAsync();
        return (exit, running.Stderr, running.Logs);
    }

    public async Task<HttpResponseMessage> GetAsync(Uri listener, string path) => await Http.GetAsync(new Uri(listener, path));

    public async Task<string> MetricsAsync()
    {
        using var response = await GetAsync(MetricsUrl, "/metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Cancels the run, as SIGTERM would, and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
        Http.Dispose();
    }

    private Task<int> RunAsync(IReadOnlyList<string> args, Dictionary<string, string?>? environment, IReadOnlyList<IOperatorModule> modules) =>
        OperatorRunner.RunAsync(
            args,
            name => environment?.GetValueOrDefault(name),
            TextWriter.Null,
            _stderr,
            modules,
            logging => logging.AddProvider(Logs),
            _stop.Token);

    private Uri ListenUrl(string listener)
    {
        var line = Logs.All.Single(line => line.Contains($"{listener} listening on", StringComparison.Ordinal));
        return new Uri(ListenLine().Match(line).Groups["url"].Value);
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+)")]
    private static partial Regex ListenLine();
}
