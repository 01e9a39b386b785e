using System.Globalization;
using System.Runtime.InteropServices;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.Workloads;

namespace Skyforge.TestKit.Cli;

/// <summary>
/// <c>serve --port 0 [--crds DIR] [--kubeconfig-out PATH] [--tls] [--token T] [--no-garbage-collection]
/// [--watch-history N] [--simulate-workloads]</c>: starts the test API server (with <c>--simulate-workloads</c>, the
/// <see cref="WorkloadSimulator"/> makes every Deployment, StatefulSet and Job ready), installs the CRDs, writes a kubeconfig, prints
/// <c>ready &lt;url&gt;</c> and runs until SIGINT/SIGTERM (or the cancellation token).
/// </summary>
internal sealed class ServeCommand : ITestKitCommand
{
    public string Name => "serve";

    public string Usage =>
        "serve [--port N] [--crds DIR] [--kubeconfig-out PATH] [--tls] [--token T] [--no-garbage-collection] [--watch-history N] [--simulate-workloads]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ServeArguments parsed;
        try
        {
            parsed = ServeArguments.Parse(args);
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"serve: {ex.Message}");
            await error.WriteLineAsync("usage: " + Usage);
            return 2;
        }
        if (parsed.CrdDirectory is { } directory && !Directory.Exists(directory))
        {
            await error.WriteLineAsync($"serve: CRD directory \"{directory}\" does not exist");
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        await using var server = await TestApiServer.StartAsync(parsed.Options, cancellationToken);
        if (parsed.SimulateWorkloads)
        {
            WorkloadSimulator.Attach(server);
        }
        if (parsed.CrdDirectory is { } crds)
        {
            try
            {
                foreach (var name in server.InstallCustomResourceDefinitions(crds))
                {
                    await error.WriteLineAsync($"installed CustomResourceDefinition {name}");
                }
            }
            catch (Exception ex) when (ex is ApiServer.Errors.ApiException or Kubernetes.Serialization.YamlFormatException)
            {
                await error.WriteLineAsync($"serve: installing CRDs from {crds} failed: {ex.Message}");
                return 1;
            }
        }
        if (parsed.KubeconfigPath is { } kubeconfig)
        {
            server.WriteKubeconfig(kubeconfig);
        }
        await output.WriteLineAsync($"ready {server.Url.ToString().TrimEnd('/')}");
        await output.FlushAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private sealed record ServeArguments(TestApiServerOptions Options, string? CrdDirectory, string? KubeconfigPath, bool SimulateWorkloads)
    {
        public static ServeArguments Parse(IReadOnlyList<string> args)
        {
            var options = new TestApiServerOptions();
            string? crds = null;
            string? kubeconfig = null;
            var simulateWorkloads = false;
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--port":
                        options = options with { Port = ParseInt(Value(), "--port") };
                        break;
                    case "--crds":
                        crds = Value();
                        break;
                    case "--kubeconfig-out":
                        kubeconfig = Value();
                        break;
                    case "--tls":
                        options = options with { UseTls = true };
                        break;
                    case "--token":
                        options = options with { Token = Value() };
                        break;
                    case "--no-garbage-collection":
                        options = options with { GarbageCollection = false };
                        break;
                    case "--watch-history":
                        options = options with { WatchHistoryLimit = ParseInt(Value(), "--watch-history") };
                        break;
                    case "--simulate-workloads":
                        simulateWorkloads = true;
                        break;
                    default:
                        throw new FormatException($"unknown option \"{args[i]}\"");
                }
            }
            return new ServeArguments(options, crds, kubeconfig, simulateWorkloads);
        }

        private static int ParseInt(string text, string option) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new FormatException($"{option} expects a non-negative integer, got \"{text}\"");
    }
}
