using System.Globalization;
using Microsoft.Extensions.Logging;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Runtime.LeaderElection;

namespace Skyforge.Operator.Hosting.Settings;

/// <summary>
/// Reads <c>skyforge run</c>'s flags (<c>--name value</c> or <c>--name=value</c>; a switch alone means true), then
/// <c>SKYFORGE_&lt;NAME&gt;</c> variables for flags not given, then defaults. A flag given twice keeps the last value.
/// </summary>
public static class RunSettingsParser
{
    public const string DefaultLeaseName = "skyforge-operator";

    /// <param name="environment">Reads environment variables (tests pass their own).</param>
    /// <param name="serviceAccountDirectory">Where the pod's namespace file is, for the Lease's default namespace.</param>
    /// <exception cref="RunSettingsException">An unknown flag, a missing value or an invalid value.</exception>
    public static RunSettings Parse(
        IReadOnlyList<string> args,
        Func<string, string?> environment,
        string serviceAccountDirectory = InClusterConfiguration.DefaultServiceAccountDirectory)
    {
        var values = new Values(ReadArguments(args), environment);
        var metricsAddress = values.Convert(RunFlags.MetricsAddress, ListenAddress.Parse) ?? new ListenAddress(null, 8080);
        var healthAddress = values.Convert(RunFlags.HealthAddress, ListenAddress.Parse) ?? new ListenAddress(null, 8081);
        if (metricsAddress.Port != 0 && metricsAddress.Port == healthAddress.Port)
        {
            throw new RunSettingsException($"{RunFlags.MetricsAddress.Option} and {RunFlags.HealthAddress.Option} need different ports (both are {metricsAddress.Port})");
        }
        var watchNamespace = values.Convert(RunFlags.Namespace, text => Checked(text, IsDnsLabel, "a namespace name (lowercase letters, digits, '-')"));
        var operatorOptions = new OperatorOptions
        {
            WatchNamespace = watchNamespace,
            DefaultRegion = values.Convert(RunFlags.AwsRegion, text => Checked(text, IsRegion, "an AWS region such as eu-west-1")),
            DefaultProvider = values.ConvertValue(RunFlags.DefaultProvider, ParseProvider) ?? Provider.Aws,
            DriftInterval = values.ConvertValue(RunFlags.DriftInterval, ParseDriftInterval) ?? TimeSpan.FromMinutes(10),
            MaxConcurrentReconciles = values.ConvertValue(RunFlags.MaxConcurrentReconciles, ParseWorkerCount) ?? 4,
            ClusterName = values.Convert(RunFlags.ClusterName, text => Checked(text, IsTagValue, "1-256 letters, digits, spaces or _ . : / = + - @")) ?? "skyforge",
        };
        var instanceName = NonEmpty(environment("POD_NAME")) ?? System.Environment.MachineName;
        // The Lease flags are checked even without --leader-elect, so a typo surfaces before it matters.
        var explicitLeaseNamespace = values.Convert(RunFlags.LeaderElectionNamespace, text => Checked(text, IsDnsLabel, "a namespace name"));
        var leaseName = values.Convert(RunFlags.LeaderElectionId, text => Checked(text, IsDnsSubdomain, "a Lease name (lowercase letters, digits, '-', '.')"))
            ?? DefaultLeaseName;
        var leaseNamespace = values.ConvertValue(RunFlags.LeaderElect, ParseBoolean) == true
            ? explicitLeaseNamespace ?? NonEmpty(environment("POD_NAMESPACE")) ?? PodNamespace(serviceAccountDirectory) ?? "default"
            : null;
        return new RunSettings
        {
            InstanceName = instanceName,
            KubeConfigPath = values.Convert(RunFlags.KubeConfig, Required),
            Context = values.Convert(RunFlags.Context, Required),
            LeaderElection = leaseNamespace is null ? null : LeaderElection(leaseNamespace, leaseName, instanceName),
            MetricsAddress = metricsAddress,
            HealthAddress = healthAddress,
            AwsEndpointUrl = values.Convert(RunFlags.AwsEndpointUrl, ParseEndpoint),
            LogLevel = values.ConvertValue(RunFlags.LogLevel, ParseLogLevel) ?? LogLevel.Information,
            RateLimits = RateLimits(values),
            Operator = operatorOptions,
        };
    }

    private static ApiRateLimits RateLimits(Values values)
    {
        var defaults = new ApiRateLimits();
        return new ApiRateLimits(
            values.ConvertValue(RunFlags.KubeApiQps, ParseRate) ?? defaults.KubernetesQps,
            values.ConvertValue(RunFlags.KubeApiBurst, ParseBurst) ?? defaults.KubernetesBurst,
            values.ConvertValue(RunFlags.AwsApiQps, ParseRate) ?? defaults.AwsQps,
            values.ConvertValue(RunFlags.AwsApiBurst, ParseBurst) ?? defaults.AwsBurst);
    }

    private static LeaderElectionOptions LeaderElection(string leaseNamespace, string leaseName, string instanceName) => new()
    {
        LeaseNamespace = leaseNamespace,
        LeaseName = leaseName,
        // Unique per process even when a pod restarts under the same name, as client-go does.
        Identity = $"{instanceName}_{Guid.NewGuid().ToString("N")[..8]}",
    };

    private static string? PodNamespace(string serviceAccountDirectory)
    {
        var path = Path.Combine(serviceAccountDirectory, "namespace");
        return File.Exists(path) ? NonEmpty(File.ReadAllText(path).Trim()) : null;
    }

    private static Dictionary<RunFlag, string> ReadArguments(IReadOnlyList<string> args)
    {
        var given = new Dictionary<RunFlag, string>();
        for (var index = 0; index < args.Count; index++)
        {
            var argument = args[index];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                throw new RunSettingsException($"unexpected argument \"{argument}\" (run takes only flags)");
            }
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument[2..] : argument[2..equals];
            var flag = RunFlags.All.FirstOrDefault(candidate => candidate.Name == name)
                ?? throw new RunSettingsException($"unknown flag --{name}");
            if (equals >= 0)
            {
                given[flag] = argument[(equals + 1)..];
            }
            else if (flag.IsSwitch)
            {
                given[flag] = "true";
            }
            else if (index + 1 < args.Count)
            {
                given[flag] = args[++index];
            }
            else
            {
                throw new RunSettingsException($"{flag.Option} needs a value ({flag.Placeholder})");
            }
        }
        return given;
    }

    private static string Required(string text) => text.Length > 0 ? text : throw new FormatException("a value is required");

    private static string Checked(string text, Func<string, bool> isValid, string expected) =>
        isValid(text) ? text : throw new FormatException($"\"{text}\" is not {expected}");

    private static Provider ParseProvider(string text) => text.ToLowerInvariant() switch
    {
        "aws" => Provider.Aws,
        "incluster" => Provider.InCluster,
        _ => throw new FormatException($"\"{text}\" is not a provider (use aws or inCluster)"),
    };

    private static TimeSpan ParseDriftInterval(string text)
    {
        var interval = GoDuration.Parse(text);
        return interval >= TimeSpan.FromSeconds(1) ? interval : throw new FormatException($"{text} is too short (at least 1s)");
    }

    private static int ParseWorkerCount(string text) => WholeNumber(text, 1000, "a worker count");

    private static double ParseRate(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate is >= 0.1 and <= 100_000
            ? rate
            : throw new FormatException($"\"{text}\" is not a request rate (requests per second from 0.1 to 100000)");

    private static int ParseBurst(string text) => WholeNumber(text, 100_000, "a burst size");

    private static int WholeNumber(string text, int max, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max
            ? number
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"\"{text}\" is not {what} (a whole number from 1 to {max})"));

    private static bool ParseBoolean(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new FormatException($"\"{text}\" is not true or false"),
    };

    private static string ParseEndpoint(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? text
            : throw new FormatException($"\"{text}\" is not an http:// or https:// URL");

    private static LogLevel ParseLogLevel(string text) => text.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" => LogLevel.Critical,
        _ => throw new FormatException($"\"{text}\" is not a log level (use trace, debug, info, warn, error or critical)"),
    };

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    // Hand-written rather than regular expressions: this runs on every start, and the regex engine costs tens of ms.
    private static bool IsDnsLabel(string text) =>
        text.Length is >= 1 and <= 63
        && text.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '-')
        && text[0] != '-' && text[^1] != '-';

    private static bool IsDnsSubdomain(string text) => text.Length <= 253 && text.Split('.').All(IsDnsLabel);

    private static bool IsRegion(string text) => IsDnsLabel(text) && !text.Contains("--", StringComparison.Ordinal);

    private static bool IsTagValue(string text) =>
        text.Length is >= 1 and <= 256 && text.All(character => char.IsLetterOrDigit(character) || " _.:/=+-@".Contains(character));

    /// <summary>The raw text of each flag (command line first, then environment) and where it came from, for error messages.</summary>
    private sealed class Values(Dictionary<RunFlag, string> arguments, Func<string, string?> environment)
    {
        public T? Convert<T>(RunFlag flag, Func<string, T> parse)
            where T : class => Find(flag) is { } found ? Parse(found, parse) : null;

        public T? ConvertValue<T>(RunFlag flag, Func<string, T> parse)
            where T : struct => Find(flag) is { } found ? Parse(found, parse) : null;

        private (string Text, string Source)? Find(RunFlag flag)
        {
            if (arguments.TryGetValue(flag, out var text))
            {
                return (text, flag.Option);
            }
            var variable = environment(flag.EnvironmentVariable);
            return string.IsNullOrWhiteSpace(variable) ? null : (variable.Trim(), flag.EnvironmentVariable);
        }

        private static T Parse<T>((string Text, string Source) found, Func<string, T> parse)
        {
            try
            {
                return parse(found.Text);
            }
            catch (FormatException ex)
            {
                throw new RunSettingsException($"{found.Source}: {ex.Message}");
            }
        }
    }
}
