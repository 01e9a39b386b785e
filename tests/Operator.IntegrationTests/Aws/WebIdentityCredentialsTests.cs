using Skyforge.Aws.Credentials;
using Skyforge.Aws.Sts;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class WebIdentityCredentialsTests(MotoFixture moto) : IAsyncLifetime
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/skyforge-operator";
    private readonly string _tokenFile = Path.Combine(Path.GetTempPath(), $"skyforge-web-identity-{Guid.NewGuid():N}.jwt");

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        await File.WriteAllTextAsync(_tokenFile, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6c2t5Zm9yZ2UifQ.c2lnbmF0dXJl");
    }

    public Task DisposeAsync()
    {
        File.Delete(_tokenFile);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TokenFileIsExchangedAtTheConfiguredStsForTemporaryCredentials()
    {
        await using var host = moto.CreateHost(
            environment: new Dictionary<string, string>
            {
                ["AWS_WEB_IDENTITY_TOKEN_FILE"] = _tokenFile,
                ["AWS_ROLE_ARN"] = RoleArn,
                ["AWS_ROLE_SESSION_NAME"] = "skyforge-test",
            },
            useProfile: false);

        var identity = await host.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None);
        var credentials = await host.Get<AwsCredentialsProvider>().GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("arn:aws:sts::123456789012:assumed-role/skyforge-operator/skyforge-test", identity.Arn);
        Assert.StartsWith("web identity token file", host.Get<AwsCredentialsProvider>().Source);
        Assert.True(credentials.UseToken);
        var exchange = Assert.Single(moto.Proxy.Requests, request => request.Operation == "AssumeRoleWithWebIdentity");
        Assert.Equal(await File.ReadAllTextAsync(_tokenFile), exchange.Parameters["WebIdentityToken"]?.GetValue<string>());
        Assert.Equal(RoleArn, exchange.Parameters["RoleArn"]?.GetValue<string>());
    }
}
