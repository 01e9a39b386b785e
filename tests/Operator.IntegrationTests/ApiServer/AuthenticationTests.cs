using System.Net;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Requests_without_the_bearer_token_get_a_401_Status()
    {
        await using var server = await TestApiServer.StartAsync(new TestApiServerOptions { Token = "s3cret" });
        using var anonymous = ApiClient.For(server, authenticate: false);
        using var wrongToken = ApiClient.For(server, token: "guess");
        using var client = ApiClient.For(server);

        var missing = await anonymous.GetAsync("/api/v1/namespaces/default/configmaps");
        var wrong = await wrongToken.GetAsync("/apis");
        var allowed = await client.GetAsync("/api/v1/namespaces/default/configmaps");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("Status", missing.Body!["kind"]!.GetValue<string>());
        Assert.Equal("Failure", missing.Body["status"]!.GetValue<string>());
        Assert.Equal("Unauthorized", missing.Reason);
        Assert.Equal(401, missing.Body["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal("s3cret", server.Token);
    }

    [Fact]
    public async Task Tls_serving_certificate_is_signed_by_the_ca_in_the_kubeconfig()
    {
        await using var server = await TestApiServer.StartAsync(new TestApiServerOptions { UseTls = true });
        using var client = ApiClient.For(server);

        var response = await client.GetAsync("/version");

        Assert.Equal("https", server.Url.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var kubeconfig = server.KubeconfigYaml();
        Assert.Contains("certificate-authority-data: ", kubeconfig, StringComparison.Ordinal);
        Assert.Contains($"token: {server.Token}", kubeconfig, StringComparison.Ordinal);
        Assert.Contains($"server: {server.Url.ToString().TrimEnd('/')}", kubeconfig, StringComparison.Ordinal);
    }
}
