using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Operator.Tests.Runtime;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class ExecCredentialProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    /// <summary>A plugin that counts its runs, saves KUBERNETES_EXEC_INFO, and prints a token named after the run.</summary>
    private string TokenPlugin(string apiVersion, string? expiration)
    {
        var counter = Path.Combine(_dir.Path, "runs");
        var info = Path.Combine(_dir.Path, "exec-info.json");
        var expiry = expiration is null ? "" : $",\"expirationTimestamp\":\"{expiration}\"";
        var credential = "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"token-%s\"" + expiry + "}}";
        return _dir.WriteScript("plugin.sh", $$"""
            echo run >> '{{counter}}'
            printf '%s' "$KUBERNETES_EXEC_INFO" > '{{info}}'
            runs=$(wc -l < '{{counter}}' | tr -d ' ')
            printf '{{credential}}' "$runs"
            """);
    }

    private const string MinimalCredential = """{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t"}}""";

    private int Runs => File.Exists(Path.Combine(_dir.Path, "runs")) ? File.ReadAllLines(Path.Combine(_dir.Path, "runs")).Length : 0;

    [Fact]
    public async Task A_v1_token_is_cached_until_its_expiration_timestamp()
    {
        var provider = new ExecCredentialProvider(
            new ExecConfig { ApiVersion = ExecApiVersions.V1, Command = TokenPlugin(ExecApiVersions.V1, "2025-03-01T10:15:00Z"), InteractiveMode = "Never" },
            null,
            _time);

        var first = await provider.GetCredentialAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(14));
        var cached = await provider.GetCredentialAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await provider.GetCredentialAsync(CancellationToken.None);

        Assert.Equal("token-1", first.BearerToken);
        Assert.Equal("token-1", cached.BearerToken);
        Assert.Equal("token-2", refreshed.BearerToken);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 15, 0, TimeSpan.Zero), first.ExpiresAt);
        Assert.Equal(2, Runs);
    }

    [Fact]
    public async Task A_v1beta1_token_without_expiry_is_kept_until_invalidated()
    {
        var provider = new ExecCredentialProvider(
            new ExecConfig { ApiVersion = ExecApiVersions.V1Beta1, Command = TokenPlugin(ExecApiVersions.V1Beta1, null) },
            null,
            _time);

        await provider.GetCredentialAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        var stillCached = await provider.GetCredentialAsync(CancellationToken.None);
        Assert.True(provider.Invalidate());
        var refreshed = await provider.GetCredentialAsync(CancellationToken.None);

        Assert.Equal("token-1", stillCached.BearerToken);
        Assert.Equal("token-2", refreshed.BearerToken);
    }

    [Fact]
    public async Task Concurrent_requests_share_one_plugin_run()
    {
        var provider = new ExecCredentialProvider(
            new ExecConfig { ApiVersion = ExecApiVersions.V1, Command = TokenPlugin(ExecApiVersions.V1, null) }, null, _time);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetCredentialAsync(CancellationToken.None).AsTask()));

        Assert.All(tokens, credential => Assert.Equal("token-1", credential.BearerToken));
        Assert.Equal(1, Runs);
    }

    [Fact]
    public async Task The_plugin_gets_args_env_and_cluster_info()
    {
        var output = Path.Combine(_dir.Path, "seen");
        var script = _dir.WriteScript("plugin.sh", $$"""
            printf '%s|%s|%s' "$1" "$2" "$REGION" > '{{output}}'
            printf '%s' "$KUBERNETES_EXEC_INFO" > '{{output}}.json'
            printf '%s' '{{MinimalCredential}}'
            """);
        var provider = new ExecCredentialProvider(
            new ExecConfig
            {
                ApiVersion = ExecApiVersions.V1,
                Command = script,
                Args = ["eks", "get-token"],
                Env = [new("REGION", "eu-west-1")],
                ProvideClusterInfo = true,
            },
            new ExecClusterInfo("https://eks.example.com", "Q0E=", false, null),
            _time);

        await provider.GetCredentialAsync(CancellationToken.None);

        Assert.Equal("eks|get-token|eu-west-1", File.ReadAllText(output));
        var info = JsonNode.Parse(File.ReadAllText(output + ".json"))!;
        Assert.Equal("ExecCredential", (string?)info["kind"]);
        Assert.Equal(ExecApiVersions.V1, (string?)info["apiVersion"]);
        Assert.False((bool)info["spec"]!["interactive"]!);
        Assert.Equal("https://eks.example.com", (string?)info["spec"]!["cluster"]!["server"]);
        Assert.Equal("Q0E=", (string?)info["spec"]!["cluster"]!["certificate-authority-data"]);
    }

    [Fact]
    public async Task A_failing_plugin_reports_exit_code_and_stderr()
    {
        var script = _dir.WriteScript("plugin.sh", "echo 'Unable to locate credentials' >&2\nexit 3\n");
        var provider = new ExecCredentialProvider(new ExecConfig { ApiVersion = ExecApiVersions.V1, Command = script }, null, _time);

        var error = await Assert.ThrowsAsync<KubeConfigException>(() => provider.GetCredentialAsync(CancellationToken.None).AsTask());

        Assert.Contains("code 3", error.Message);
        Assert.Contains("Unable to locate credentials", error.Message);
    }

    [Fact]
    public async Task A_mismatched_api_version_is_rejected_without_echoing_the_output()
    {
        var script = _dir.WriteScript("plugin.sh",
            "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"leaky-secret\"}}'\n");
        var provider = new ExecCredentialProvider(new ExecConfig { ApiVersion = ExecApiVersions.V1, Command = script }, null, _time);

        var error = await Assert.ThrowsAsync<KubeConfigException>(() => provider.GetCredentialAsync(CancellationToken.None).AsTask());

        Assert.Contains("expected \"client.authentication.k8s.io/v1\"", error.Message);
        Assert.DoesNotContain("leaky-secret", error.Message);
    }

    [Fact]
    public async Task A_missing_command_shows_the_install_hint()
    {
        var provider = new ExecCredentialProvider(
            new ExecConfig { ApiVersion = ExecApiVersions.V1, Command = Path.Combine(_dir.Path, "no-such-plugin"), InstallHint = "install the aws CLI" },
            null,
            _time);

        var error = await Assert.ThrowsAsync<KubeConfigException>(() => provider.GetCredentialAsync(CancellationToken.None).AsTask());

        Assert.Contains("install the aws CLI", error.Message);
    }

    [Fact]
    public void Unsupported_api_versions_and_interactive_plugins_are_rejected_up_front()
    {
        Assert.Throws<KubeConfigException>(() => new ExecCredentialProvider(new ExecConfig { ApiVersion = "client.authentication.k8s.io/v1alpha1", Command = "x" }, null, _time));
        Assert.Throws<KubeConfigException>(() => new ExecCredentialProvider(new ExecConfig { ApiVersion = ExecApiVersions.V1, Command = "x", InteractiveMode = "Always" }, null, _time));
    }

    [Fact]
    public async Task A_kubeconfig_exec_user_becomes_an_exec_credential_provider()
    {
        var plugin = TokenPlugin(ExecApiVersions.V1, null);
        var config = KubeConfig.Parse($$"""
            current-context: eks
            clusters:
            - name: eks
              cluster: {server: "https://eks.example.com"}
            users:
            - name: eks
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: {{plugin}}
                  interactiveMode: Never
            contexts:
            - name: eks
              context: {cluster: eks, user: eks}
            """, _dir.Path);

        var credentials = config.CreateConfiguration(null, _time).Credentials;

        Assert.IsType<ExecCredentialProvider>(credentials);
        Assert.Equal("token-1", (await credentials.GetCredentialAsync(CancellationToken.None)).BearerToken);
    }
}
