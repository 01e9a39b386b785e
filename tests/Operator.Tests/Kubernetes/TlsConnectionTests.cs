using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;

namespace Skyforge.Operator.Tests.Kubernetes;

/// <summary>The client against a real TLS listener on 127.0.0.1 that demands a client certificate.</summary>
public sealed class TlsConnectionTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = new();
    private WebApplication? _server;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var serverCertificate = _certificates.IssueServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => certificate.Issuer == _certificates.Authority.Subject;
        })));
        _server = builder.Build();
        _server.MapGet("/api/v1/namespaces/{ns}/configmaps/{name}", (HttpContext context, string ns, string name) =>
            Results.Text(new System.Text.Json.Nodes.JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["namespace"] = ns },
                ["data"] = new System.Text.Json.Nodes.JsonObject { ["user"] = context.Connection.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false) },
            }.ToJsonString(), "application/json"));
        await _server.StartAsync();
        _address = new Uri(_server.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _certificates.Dispose();
    }

    private KubeConfig Config(string authorityPem, bool insecure = false)
    {
        var (certificatePem, keyPem) = _certificates.IssueClientPem("operator");
        static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        return KubeConfig.Parse($$"""
            current-context: local
            clusters:
            - name: local
              cluster:
                server: {{_address}}
                certificate-authority-data: {{Base64(authorityPem)}}
                insecure-skip-tls-verify: {{(insecure ? "true" : "false")}}
            users:
            - name: operator
              user:
                client-certificate-data: {{Base64(certificatePem)}}
                client-key-data: {{Base64(keyPem)}}
            contexts:
            - name: local
              context: {cluster: local, user: operator}
            """, Path.GetTempPath());
    }

    [Fact]
    public async Task The_kubeconfig_ca_and_client_certificate_authenticate_both_sides()
    {
        using var client = new KubernetesClient(Config(_certificates.AuthorityPem).CreateConfiguration(null, TimeProvider.System));

        var configMap = await client.GetAsync(ResourceTypes.ConfigMaps, "default", "probe");

        Assert.Equal("operator", (string?)configMap["data"]!["user"]);
    }

    [Fact]
    public async Task A_server_certificate_from_another_ca_is_refused()
    {
        using var otherAuthority = new TestCertificates("other-ca");
        using var client = new KubernetesClient(Config(otherAuthority.AuthorityPem).CreateConfiguration(null, TimeProvider.System));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(ResourceTypes.ConfigMaps, "default", "probe"));
    }

    [Fact]
    public async Task Insecure_skip_tls_verify_accepts_any_server_certificate()
    {
        using var otherAuthority = new TestCertificates("other-ca");
        var configuration = Config(otherAuthority.AuthorityPem, insecure: true).CreateConfiguration(null, TimeProvider.System);
        using var client = new KubernetesClient(configuration);

        var configMap = await client.GetAsync(ResourceTypes.ConfigMaps, "default", "probe");

        Assert.Equal("probe", (string?)configMap["metadata"]!["name"]);
    }
}
