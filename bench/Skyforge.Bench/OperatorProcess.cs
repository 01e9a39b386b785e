using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Skyforge.Operator.Hosting;

namespace Skyforge.Bench;

/// <summary>
/// The real operator, <c>skyforge run</c> (every module of <see cref="OperatorModules.All"/>), started from its own
/// build output as a child process so that its CPU time and memory are its own, not the fakes'. Its logs go to a
/// file through the shell, so reading them costs the harness nothing.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private static readonly string[] AwsVariables =
    [
        "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION",
    ];

    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ProcessSample _lastSample = new(TimeSpan.Zero, 0, 0);

    private OperatorProcess(Process process, Uri metricsUrl, Uri healthUrl, string logPath)
    {
        _process = process;
        MetricsUrl = metricsUrl;
        HealthUrl = healthUrl;
        LogPath = logPath;
    }

    public int ProcessId => _process.Id;

    public Uri MetricsUrl { get; }

    public Uri HealthUrl { get; }

    public string LogPath { get; }

    /// <summary>Starts the operator and returns once <c>/readyz</c> answers 200 (informers synced).</summary>
    public static async Task<OperatorProcess> StartAsync(string kubeconfigPath, Uri awsEndpoint, BenchOptions options, string workDirectory, CancellationToken cancellationToken)
    {
        var executable = options.OperatorPath ?? Path.Combine(AppContext.BaseDirectory, "skyforge");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"the operator executable does not exist: {executable}");
        }
        var metricsPort = FreePort();
        var healthPort = FreePort();
        var logPath = Path.Combine(workDirectory, "operator.log");
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            // exec: the shell becomes the operator, so the process id measured is the operator's.
            ArgumentList =
            {
                "-c", "exec \"$0\" \"$@\" >\"$SKYFORGE_BENCH_LOG\" 2>&1", executable, "run",
                "--kubeconfig", kubeconfigPath,
                "--aws-region", BenchAws.Region,
                "--aws-endpoint-url", awsEndpoint.ToString(),
                "--drift-interval", string.Create(CultureInfo.InvariantCulture, $"{(int)options.DriftInterval.TotalSeconds}s"),
                "--metrics-addr", $"127.0.0.1:{metricsPort}",
                "--health-addr", $"127.0.0.1:{healthPort}",
                "--cluster-name", "bench",
            },
        };
        foreach (var argument in options.OperatorArguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var variable in AwsVariables)
        {
            start.Environment.Remove(variable);
        }
        start.Environment["SKYFORGE_BENCH_LOG"] = logPath;
        // As the operator image sets it (Dockerfile), so that the memory measured is the shipped configuration's.
        start.Environment["DOTNET_GCgen0size"] = "0x400000";
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDSKYFORGEBENCH";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "skyforge-bench-secret-access-key";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the operator did not start");
        var child = new OperatorProcess(
            process,
            new Uri($"http://127.0.0.1:{metricsPort}/metrics"),
            new Uri($"http://127.0.0.1:{healthPort}/readyz"),
            logPath);
        try
        {
            await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
        return child;
    }

    /// <summary>CPU time and memory of the operator process now (from /proc); the last one taken once it has exited.</summary>
    public ProcessSample Sample()
    {
        try
        {
            _process.Refresh();
            _lastSample = new ProcessSample(_process.TotalProcessorTime, _process.WorkingSet64, _process.PeakWorkingSet64);
        }
        catch (InvalidOperationException) when (_process.HasExited)
        {
            // Gone: /proc has nothing more to say.
        }
        return _lastSample;
    }

    public async Task<MetricsScrape> ScrapeAsync(CancellationToken cancellationToken) =>
        MetricsScrape.Parse(await _http.GetStringAsync(MetricsUrl, cancellationToken));

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the operator exited with code {_process.ExitCode} before it was ready; see {LogPath}");
            }
            try
            {
                using var response = await _http.GetAsync(HealthUrl, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"the operator was not ready within {timeout.TotalSeconds:0} s; see {LogPath}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
