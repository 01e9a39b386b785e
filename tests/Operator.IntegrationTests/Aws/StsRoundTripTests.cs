using Skyforge.Aws.Sts;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class StsRoundTripTests(MotoFixture moto) : IAsyncLifetime
{
    private AwsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _host = moto.CreateHost();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetCallerIdentityNamesTheAccount()
    {
        var identity = await _host.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None);

        Assert.Equal("123456789012", identity.Account);
        Assert.StartsWith("arn:aws:", identity.Arn);
        Assert.Equal(1, moto.Proxy.Count("sts", "GetCallerIdentity"));
    }
}
