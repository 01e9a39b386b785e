using System.Text;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Operator.Tests.Runtime;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class KubeConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Current_context_selects_cluster_user_and_namespace()
    {
        var config = KubeConfig.Parse("""
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: dev-cluster
              cluster:
                server: https://dev.example.com:6443
                insecure-skip-tls-verify: true
            - name: prod-cluster
              cluster:
                server: https://prod.example.com
            users:
            - name: dev-user
              user:
                token: dev-token
            contexts:
            - name: dev
              context: {cluster: dev-cluster, user: dev-user, namespace: team-a}
            - name: prod
              context: {cluster: prod-cluster, user: dev-user}
            """, _dir.Path);

        var resolved = config.CreateConfiguration(null, _time);

        Assert.Equal(new Uri("https://dev.example.com:6443"), resolved.Server);
        Assert.True(resolved.InsecureSkipTlsVerify);
        Assert.Equal("team-a", resolved.Namespace);
        Assert.Equal("dev", resolved.ContextName);
        var credential = await resolved.Credentials!.GetCredentialAsync(CancellationToken.None);
        Assert.Equal("dev-token", credential.BearerToken);
    }

    [Fact]
    public void An_explicit_context_overrides_the_current_one()
    {
        var config = KubeConfig.Parse("""
            current-context: dev
            clusters:
            - {name: a, cluster: {server: "https://a.example.com"}}
            - {name: b, cluster: {server: "https://b.example.com"}}
            users: [{name: u, user: {token: t}}]
            contexts:
            - {name: dev, context: {cluster: a, user: u}}
            - {name: prod, context: {cluster: b, user: u}}
            """, _dir.Path);

        Assert.Equal("b.example.com", config.CreateConfiguration("prod", _time).Server.Host);
    }

    [Fact]
    public void Several_files_merge_with_the_first_definition_of_each_name_winning()
    {
        var first = _dir.Write("one/config", """
            current-context: from-first
            clusters: [{name: shared, cluster: {server: "https://first.example.com"}}]
            users: [{name: u1, user: {token: first-token}}]
            contexts: [{name: from-first, context: {cluster: shared, user: u1}}]
            """);
        var second = _dir.Write("two/config", """
            current-context: from-second
            clusters:
            - {name: shared, cluster: {server: "https://second.example.com"}}
            - {name: only-second, cluster: {server: "https://only-second.example.com"}}
            users: [{name: u2, user: {token: second-token}}]
            contexts:
            - {name: from-second, context: {cluster: only-second, user: u2}}
            - {name: from-first, context: {cluster: only-second, user: u2}}
            """);
        var missing = Path.Combine(_dir.Path, "absent/config");

        var paths = KubeConfig.DefaultPaths(name => name == "KUBECONFIG" ? string.Join(Path.PathSeparator, first, missing, second) : null);
        var config = KubeConfig.LoadFiles(paths);

        Assert.Equal("from-first", config.CurrentContext);
        Assert.Equal("https://first.example.com", config.Clusters["shared"].Server);
        Assert.Equal("https://only-second.example.com", config.Clusters["only-second"].Server);
        Assert.Equal("shared", config.Contexts["from-first"].Cluster);
        Assert.Equal("only-second.example.com", config.CreateConfiguration("from-second", _time).Server.Host);
    }

    [Fact]
    public void Current_context_comes_from_the_first_file_that_sets_one()
    {
        var first = _dir.Write("a", "clusters: [{name: c, cluster: {server: \"https://c.example.com\"}}]\n");
        var second = _dir.Write("b", "current-context: ctx\ncontexts: [{name: ctx, context: {cluster: c, user: \"\"}}]\n");

        var config = KubeConfig.LoadFiles([first, second]);

        Assert.Equal("ctx", config.CurrentContext);
        Assert.Equal("c.example.com", config.CreateConfiguration(null, _time).Server.Host);
    }

    [Fact]
    public void Missing_context_cluster_or_user_is_reported_by_name()
    {
        var config = KubeConfig.Parse("""
            current-context: broken
            clusters: [{name: c, cluster: {server: "https://c.example.com"}}]
            contexts:
            - {name: broken, context: {cluster: nowhere, user: nobody}}
            - {name: no-user, context: {cluster: c, user: nobody}}
            """, _dir.Path);

        Assert.Contains("cluster \"nowhere\"", Assert.Throws<KubeConfigException>(() => config.CreateConfiguration(null, _time)).Message);
        Assert.Contains("user \"nobody\"", Assert.Throws<KubeConfigException>(() => config.CreateConfiguration("no-user", _time)).Message);
        Assert.Contains("context \"other\"", Assert.Throws<KubeConfigException>(() => config.CreateConfiguration("other", _time)).Message);
    }

    [Fact]
    public void An_explicit_kubeconfig_that_does_not_exist_is_an_error()
    {
        var error = Assert.Throws<KubeConfigException>(() =>
            KubernetesConfigurationLoader.Load(Path.Combine(_dir.Path, "nope"), null, _time, _ => null));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Certificate_authority_and_client_certificate_load_from_data()
    {
        using var certificates = new TestCertificates();
        var (certificatePem, keyPem) = certificates.IssueClientPem("alice");
        var config = KubeConfig.Parse($$"""
            current-context: c
            clusters:
            - name: c
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority-data: {{Base64(certificates.AuthorityPem)}}
            users:
            - name: u
              user:
                client-certificate-data: {{Base64(certificatePem)}}
                client-key-data: {{Base64(keyPem)}}
            contexts:
            - name: c
              context: {cluster: c, user: u}
            """, _dir.Path);

        var resolved = config.CreateConfiguration(null, _time);

        Assert.Equal(certificates.Authority.Thumbprint, Assert.Single(resolved.CertificateAuthorities!).Thumbprint);
        Assert.NotNull(resolved.ClientCertificate);
        Assert.True(resolved.ClientCertificate.HasPrivateKey);
        Assert.Equal("CN=alice", resolved.ClientCertificate.Subject);
        Assert.Null(resolved.Credentials);
    }

    [Fact]
    public void Relative_file_paths_resolve_against_the_file_that_names_them()
    {
        using var certificates = new TestCertificates();
        var (certificatePem, keyPem) = certificates.IssueClientPem("bob");
        _dir.Write("conf/pki/ca.crt", certificates.AuthorityPem);
        _dir.Write("conf/pki/bob.crt", certificatePem);
        _dir.Write("conf/pki/bob.key", keyPem);
        var path = _dir.Write("conf/kubeconfig", """
            current-context: c
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443", certificate-authority: pki/ca.crt}}]
            users: [{name: u, user: {client-certificate: pki/bob.crt, client-key: pki/bob.key}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            """);

        var resolved = KubernetesConfigurationLoader.Load(path, null, _time, _ => null);

        Assert.Equal("CN=bob", resolved.ClientCertificate!.Subject);
        Assert.Single(resolved.CertificateAuthorities!);
    }

    [Fact]
    public void A_certificate_without_its_key_is_rejected()
    {
        using var certificates = new TestCertificates();
        var (certificatePem, _) = certificates.IssueClientPem("carol");
        var config = KubeConfig.Parse($$"""
            current-context: c
            clusters:
            - name: c
              cluster:
                server: https://c.example.com
            users:
            - name: u
              user:
                client-certificate-data: {{Base64(certificatePem)}}
            contexts:
            - name: c
              context: {cluster: c, user: u}
            """, _dir.Path);

        Assert.Contains("without a key", Assert.Throws<KubeConfigException>(() => config.CreateConfiguration(null, _time)).Message);
    }

    [Fact]
    public async Task Token_file_is_read_relative_to_the_kubeconfig()
    {
        _dir.Write("token", "file-token\n");
        var config = KubeConfig.Parse("""
            current-context: c
            clusters: [{name: c, cluster: {server: "https://c.example.com"}}]
            users: [{name: u, user: {tokenFile: token}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            """, _dir.Path);

        var credential = await config.CreateConfiguration(null, _time).Credentials!.GetCredentialAsync(CancellationToken.None);

        Assert.Equal("file-token", credential.BearerToken);
    }

    [Fact]
    public void Exec_stanza_is_parsed_with_args_env_and_a_command_path_resolved_relative_to_the_file()
    {
        var config = KubeConfig.Parse("""
            users:
            - name: eks
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: aws
                  args: [eks, get-token, --cluster-name, "123"]
                  env: [{name: AWS_PROFILE, value: prod}]
                  provideClusterInfo: true
                  interactiveMode: Never
            - name: local
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/token}
            """, _dir.Path);

        var eks = config.Users["eks"].Exec!;
        Assert.Equal("aws", eks.Command);
        Assert.Equal(["eks", "get-token", "--cluster-name", "123"], eks.Args);
        Assert.Equal(new KeyValuePair<string, string>("AWS_PROFILE", "prod"), Assert.Single(eks.Env));
        Assert.True(eks.ProvideClusterInfo);
        Assert.Equal(Path.Combine(_dir.Path, "bin", "token"), config.Users["local"].Exec!.Command);
    }

    [Fact]
    public void Malformed_yaml_names_the_line()
    {
        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Parse("clusters: [\n  - {name: a\n", _dir.Path));
        Assert.Contains("line", error.Message);
    }

    [Fact]
    public void Users_never_print_their_secrets()
    {
        var config = KubeConfig.Parse("users: [{name: u, user: {token: super-secret, password: hunter2}}]\n", _dir.Path);
        Assert.DoesNotContain("super-secret", config.Users["u"].ToString());
        Assert.DoesNotContain("hunter2", config.Users["u"].ToString());
    }
}
