using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skyforge.Aws;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Operator.Hosting.Metrics;
using Skyforge.Operator.Hosting.Settings;

namespace Skyforge.Operator.Hosting;

/// <summary>
/// <c>skyforge run</c>: parses flags and environment, starts the <see cref="OperatorHost"/>, logs the bound
/// addresses, and runs until SIGTERM, SIGINT or cancellation. Exit codes: 0 after a clean stop, 1 when start-up
/// (e.g. no kubeconfig, a port in use) or shutdown fails, 2 for an unknown flag or an invalid value.
/// </summary>
public static class OperatorRunner
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    private const string LoggerCategory = "Skyforge.Operator.Hosting";

    /// <param name="environment">Reads environment variables (tests pass their own).</param>
    /// <param name="configureLogging">Replaces the JSON console logger.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        Func<string, string?> environment,
        TextWriter stdout,
        TextWriter stderr,
        IEnumerable<IOperatorModule> modules,
        Action<ILoggingBuilder>? configureLogging,
        CancellationToken cancellationToken)
    {
        if (args.Any(argument => argument is "-h" or "--help"))
        {
            await stdout.WriteAsync(RunFlags.Usage);
            return Success;
        }
        RunSettings settings;
        try
        {
            settings = RunSettingsParser.Parse(args, environment);
        }
        catch (RunSettingsException ex)
        {
            await stderr.WriteLineAsync($"skyforge run: {ex.Message}");
            await stderr.WriteLineAsync("see: skyforge run --help");
            return Usage;
        }

        OperatorHost host;
        try
        {
            host = OperatorHost.Create(settings, modules, configureLogging);
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"skyforge run: start-up failed: {ex.Message}");
            return Failure;
        }
        await using (host)
        {
            return await RunHostAsync(host, settings, stderr, cancellationToken);
        }
    }

    private static async Task<int> RunHostAsync(OperatorHost host, RunSettings settings, TextWriter stderr, CancellationToken cancellationToken)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        try
        {
            // Listen before anything records (AWS instruments are declared now so /metrics lists them before the
            // first call), and fail on a missing kubeconfig before starting anything.
            host.Services.GetRequiredService<MeterCollector>();
            host.Services.GetRequiredService<AwsMetrics>();
            host.Services.GetRequiredService<KubernetesClientConfiguration>();
            LogStarting(logger, settings);
            await host.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Success;
        }
        catch (Exception ex)
        {
            var message = ex is KubeConfigException
                ? $"cannot load the Kubernetes configuration: {ex.Message}{(settings.KubeConfigPath is null ? "; pass --kubeconfig or run in a cluster" : "")}"
                : $"start-up failed: {ex.Message}";
            logger.LogCritical("{Message}", message);
            await stderr.WriteLineAsync($"skyforge run: {message}");
            return Failure;
        }
        logger.LogInformation("metrics listening on {Url}", host.MetricsUrl);
        logger.LogInformation("health listening on {Url}", host.HealthUrl);
        try
        {
            await host.WaitForShutdownAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogCritical("shutdown failed: {Message}", ex.Message);
            return Failure;
        }
        logger.LogInformation("stopped");
        return Success;
    }

    private static void LogStarting(ILogger logger, RunSettings settings)
    {
        var options = settings.Operator;
        logger.LogInformation(
            "starting skyforge {Version}: namespace {Namespace}, leader election {LeaderElection}, default provider {DefaultProvider}, "
            + "drift interval {DriftInterval}, {Workers} workers per controller, cluster name {ClusterName}, AWS region {Region}, AWS endpoint {Endpoint}",
            OperatorHost.Version,
            options.WatchNamespace ?? "(all)",
            settings.LeaderElection is { } election ? $"{election.LeaseNamespace}/{election.LeaseName} as {election.Identity}" : "off",
            options.DefaultProvider,
            GoDuration.Format(options.DriftInterval),
            options.MaxConcurrentReconciles,
            options.ClusterName,
            options.DefaultRegion ?? "(from the AWS environment)",
            settings.AwsEndpointUrl is { } endpoint
                ? new Uri(endpoint).GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
                : "(AWS default)");
    }
}
