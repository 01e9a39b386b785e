using Skyforge.Kubernetes.Configuration;
using Skyforge.Operator.Tests.Runtime;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class InClusterConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private Func<string, string?> Environment(string host, string port) => name => name switch
    {
        "KUBERNETES_SERVICE_HOST" => host,
        "KUBERNETES_SERVICE_PORT" => port,
        _ => null,
    };

    [Fact]
    public async Task Service_account_files_and_environment_make_the_configuration()
    {
        using var certificates = new TestCertificates();
        _dir.Write("token", "sa-token-1");
        _dir.Write("ca.crt", certificates.AuthorityPem);
        _dir.Write("namespace", "skyforge-system\n");

        var config = InClusterConfiguration.Load(Environment("10.96.0.1", "443"), _time, _dir.Path);

        Assert.Equal(new Uri("https://10.96.0.1:443"), config.Server);
        Assert.Equal("skyforge-system", config.Namespace);
        Assert.Single(config.CertificateAuthorities!);
        Assert.Equal("sa-token-1", (await config.Credentials!.GetCredentialAsync(CancellationToken.None)).BearerToken);
    }

    [Fact]
    public async Task The_projected_token_is_reread_as_the_kubelet_rotates_it()
    {
        var tokenPath = _dir.Write("token", "sa-token-1");
        var config = InClusterConfiguration.Load(Environment("10.96.0.1", "443"), _time, _dir.Path);
        await config.Credentials!.GetCredentialAsync(CancellationToken.None);

        File.WriteAllText(tokenPath, "sa-token-2");
        _time.Advance(TokenFileCredentialProvider.DefaultRefreshInterval);

        Assert.Equal("sa-token-2", (await config.Credentials.GetCredentialAsync(CancellationToken.None)).BearerToken);
    }

    [Fact]
    public void An_ipv6_service_host_is_bracketed()
    {
        _dir.Write("token", "t");
        var config = InClusterConfiguration.Load(Environment("fd00::1", "443"), _time, _dir.Path);
        Assert.Equal("[fd00::1]", config.Server.Host);
    }

    [Fact]
    public void Outside_a_pod_the_loader_falls_back_to_kubeconfig_and_in_a_pod_it_prefers_the_service_account()
    {
        _dir.Write("sa/token", "t");
        var home = _dir.Write("home/.kube/config", """
            current-context: c
            clusters: [{name: c, cluster: {server: "https://from-home.example.com"}}]
            contexts: [{name: c, context: {cluster: c, user: ""}}]
            """);
        var homeDirectory = Path.GetDirectoryName(Path.GetDirectoryName(home))!;
        string? OutsidePod(string name) => name == "HOME" ? homeDirectory : null;
        string? InsidePod(string name) => name == "HOME" ? homeDirectory : Environment("10.0.0.1", "443")(name);

        var outside = KubernetesConfigurationLoader.Load(null, null, _time, OutsidePod, Path.Combine(_dir.Path, "sa"));
        var inside = KubernetesConfigurationLoader.Load(null, null, _time, InsidePod, Path.Combine(_dir.Path, "sa"));

        Assert.Equal("from-home.example.com", outside.Server.Host);
        Assert.Equal("10.0.0.1", inside.Server.Host);
    }

    [Fact]
    public void Without_the_environment_it_says_it_is_not_in_a_cluster()
    {
        var error = Assert.Throws<KubeConfigException>(() => InClusterConfiguration.Load(_ => null, _time, _dir.Path));
        Assert.Contains("not running in a cluster", error.Message);
    }
}
