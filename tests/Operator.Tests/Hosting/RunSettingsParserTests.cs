using System.Net;
using Microsoft.Extensions.Logging;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Hosting.Settings;

namespace Skyforge.Operator.Tests.Hosting;

public sealed class RunSettingsParserTests : IDisposable
{
    private readonly string _noServiceAccount = Path.Combine(Path.GetTempPath(), "skyforge-no-sa-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_noServiceAccount))
        {
            Directory.Delete(_noServiceAccount, recursive: true);
        }
    }

    [Fact]
    public void Without_flags_or_environment_the_documented_defaults_apply()
    {
        var settings = Parse([]);

        Assert.Null(settings.KubeConfigPath);
        Assert.Null(settings.Context);
        Assert.Null(settings.LeaderElection);
        Assert.Equal(new ListenAddress(null, 8080), settings.MetricsAddress);
        Assert.Equal(new ListenAddress(null, 8081), settings.HealthAddress);
        Assert.Null(settings.AwsEndpointUrl);
        Assert.Equal(LogLevel.Information, settings.LogLevel);
        Assert.Null(settings.Operator.WatchNamespace);
        Assert.Null(settings.Operator.DefaultRegion);
        Assert.Equal(Provider.Aws, settings.Operator.DefaultProvider);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.Operator.DriftInterval);
        Assert.Equal(4, settings.Operator.MaxConcurrentReconciles);
        Assert.Equal("skyforge", settings.Operator.ClusterName);
        Assert.Equal(new ApiRateLimits(KubernetesQps: 50, KubernetesBurst: 100, AwsQps: 20, AwsBurst: 40), settings.RateLimits);
    }

    [Fact]
    public void Every_flag_is_read_in_both_spellings()
    {
        var settings = Parse(
        [
            "--kubeconfig", "/tmp/kc", "--context=dev", "--namespace", "team-a", "--metrics-addr", "127.0.0.1:0",
            "--health-addr=[::1]:9000", "--aws-region", "eu-west-1", "--aws-endpoint-url", "http://localhost:5000",
            "--default-provider", "inCluster", "--drift-interval", "1h30m", "--max-concurrent-reconciles=8",
            "--cluster-name", "prod eu/1", "--log-level", "debug", "--kube-api-qps", "400", "--kube-api-burst=800",
            "--aws-api-qps", "7.5", "--aws-api-burst=15",
        ]);

        Assert.Equal(new ApiRateLimits(KubernetesQps: 400, KubernetesBurst: 800, AwsQps: 7.5, AwsBurst: 15), settings.RateLimits);

        Assert.Equal("/tmp/kc", settings.KubeConfigPath);
        Assert.Equal("dev", settings.Context);
        Assert.Equal("team-a", settings.Operator.WatchNamespace);
        Assert.Equal(new ListenAddress(IPAddress.Loopback, 0), settings.MetricsAddress);
        Assert.Equal(new ListenAddress(IPAddress.IPv6Loopback, 9000), settings.HealthAddress);
        Assert.Equal("eu-west-1", settings.Operator.DefaultRegion);
        Assert.Equal("http://localhost:5000", settings.AwsEndpointUrl);
        Assert.Equal(Provider.InCluster, settings.Operator.DefaultProvider);
        Assert.Equal(TimeSpan.FromMinutes(90), settings.Operator.DriftInterval);
        Assert.Equal(8, settings.Operator.MaxConcurrentReconciles);
        Assert.Equal("prod eu/1", settings.Operator.ClusterName);
        Assert.Equal(LogLevel.Debug, settings.LogLevel);
    }

    [Fact]
    public void Environment_variables_fill_what_the_command_line_leaves_out_and_flags_win()
    {
        var settings = Parse(
            ["--drift-interval", "30s"],
            new()
            {
                ["SKYFORGE_DRIFT_INTERVAL"] = "5m",
                ["SKYFORGE_MAX_CONCURRENT_RECONCILES"] = "2",
                ["SKYFORGE_DEFAULT_PROVIDER"] = "incluster",
                ["SKYFORGE_NAMESPACE"] = " ",
                ["SKYFORGE_LOG_LEVEL"] = "warn",
            });

        Assert.Equal(TimeSpan.FromSeconds(30), settings.Operator.DriftInterval);
        Assert.Equal(2, settings.Operator.MaxConcurrentReconciles);
        Assert.Equal(Provider.InCluster, settings.Operator.DefaultProvider);
        Assert.Null(settings.Operator.WatchNamespace);
        Assert.Equal(LogLevel.Warning, settings.LogLevel);
    }

    [Fact]
    public void Leader_election_names_its_lease_and_a_unique_identity_from_the_pod()
    {
        var environment = new Dictionary<string, string?> { ["POD_NAME"] = "skyforge-7d9f", ["POD_NAMESPACE"] = "skyforge-system" };

        var first = Parse(["--leader-elect"], environment).LeaderElection!;
        var second = Parse(["--leader-elect=true"], environment).LeaderElection!;

        Assert.Equal("skyforge-system", first.LeaseNamespace);
        Assert.Equal("skyforge-operator", first.LeaseName);
        Assert.StartsWith("skyforge-7d9f_", first.Identity, StringComparison.Ordinal);
        Assert.NotEqual(first.Identity, second.Identity);
        Assert.Null(Parse(["--leader-elect=false"], new() { ["SKYFORGE_LEADER_ELECT"] = "true" }).LeaderElection);
    }

    [Fact]
    public void The_lease_namespace_comes_from_the_flag_else_the_pod_else_default()
    {
        Directory.CreateDirectory(_noServiceAccount);
        File.WriteAllText(Path.Combine(_noServiceAccount, "namespace"), "operators\n");

        var fromFlag = RunSettingsParser.Parse(
            ["--leader-elect", "--leader-election-namespace", "elections", "--leader-election-id", "skyforge.example.com"],
            _ => null,
            _noServiceAccount).LeaderElection!;
        var fromServiceAccount = RunSettingsParser.Parse(["--leader-elect"], _ => null, _noServiceAccount).LeaderElection!;
        File.Delete(Path.Combine(_noServiceAccount, "namespace"));
        var outsideCluster = RunSettingsParser.Parse(["--leader-elect"], _ => null, _noServiceAccount).LeaderElection!;

        Assert.Equal(("elections", "skyforge.example.com"), (fromFlag.LeaseNamespace, fromFlag.LeaseName));
        Assert.Equal("operators", fromServiceAccount.LeaseNamespace);
        Assert.Equal("default", outsideCluster.LeaseNamespace);
    }

    [Theory]
    [InlineData("--verbose", "unknown flag --verbose")]
    [InlineData("--drift-interval=10", "--drift-interval: \"10\" is not a duration")]
    [InlineData("--drift-interval=500ms", "--drift-interval: 500ms is too short (at least 1s)")]
    [InlineData("--default-provider=gcp", "--default-provider: \"gcp\" is not a provider (use aws or inCluster)")]
    [InlineData("--max-concurrent-reconciles=0", "--max-concurrent-reconciles: \"0\" is not a worker count")]
    [InlineData("--metrics-addr=8080", "--metrics-addr: \"8080\" is not a listen address")]
    [InlineData("--namespace=Team_A", "--namespace: \"Team_A\" is not a namespace name")]
    [InlineData("--namespace=-team", "--namespace: \"-team\" is not a namespace name")]
    [InlineData("--aws-region=eu--west-1", "--aws-region: \"eu--west-1\" is not an AWS region")]
    [InlineData("--leader-election-id=skyforge..lock", "--leader-election-id: \"skyforge..lock\" is not a Lease name")]
    [InlineData("--leader-elect=maybe", "--leader-elect: \"maybe\" is not true or false")]
    [InlineData("--aws-endpoint-url=localhost:4566", "--aws-endpoint-url: \"localhost:4566\" is not an http:// or https:// URL")]
    [InlineData("--log-level=loud", "--log-level: \"loud\" is not a log level")]
    [InlineData("--cluster-name=a|b", "--cluster-name: \"a|b\" is not 1-256 letters")]
    [InlineData("--kubeconfig=", "--kubeconfig: a value is required")]
    [InlineData("extra", "unexpected argument \"extra\"")]
    [InlineData("--kube-api-qps=0", "--kube-api-qps: \"0\" is not a request rate")]
    [InlineData("--aws-api-qps=fast", "--aws-api-qps: \"fast\" is not a request rate")]
    [InlineData("--kube-api-burst=-1", "--kube-api-burst: \"-1\" is not a burst size")]
    [InlineData("--aws-api-burst=2.5", "--aws-api-burst: \"2.5\" is not a burst size")]
    public void Invalid_command_lines_are_rejected_with_the_flag_named(string argument, string expected)
    {
        var error = Assert.Throws<RunSettingsException>(() => Parse([argument]));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_environment_values_name_the_variable()
    {
        var error = Assert.Throws<RunSettingsException>(() => Parse([], new() { ["SKYFORGE_DRIFT_INTERVAL"] = "soon" }));

        Assert.StartsWith("SKYFORGE_DRIFT_INTERVAL: \"soon\" is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_without_its_value_and_a_shared_port_are_rejected()
    {
        Assert.Equal("--namespace needs a value (NAME)", Assert.Throws<RunSettingsException>(() => Parse(["--namespace"])).Message);
        Assert.Equal(
            "--metrics-addr and --health-addr need different ports (both are 9000)",
            Assert.Throws<RunSettingsException>(() => Parse(["--metrics-addr", ":9000", "--health-addr", "127.0.0.1:9000"])).Message);
    }

    [Fact]
    public void The_usage_lists_every_flag_with_its_environment_variable()
    {
        foreach (var flag in RunFlags.All)
        {
            Assert.Contains(flag.Option, RunFlags.Usage, StringComparison.Ordinal);
            Assert.Contains($"[{flag.EnvironmentVariable}]", RunFlags.Usage, StringComparison.Ordinal);
        }
        Assert.Contains("[SKYFORGE_MAX_CONCURRENT_RECONCILES]", RunFlags.Usage, StringComparison.Ordinal);
    }

    private RunSettings Parse(string[] args, Dictionary<string, string?>? environment = null) =>
        RunSettingsParser.Parse(args, name => environment?.GetValueOrDefault(name), _noServiceAccount);
}
