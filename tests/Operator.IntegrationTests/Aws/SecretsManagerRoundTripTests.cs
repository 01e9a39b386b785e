using System.Text;
using Skyforge.Aws;
using Skyforge.Aws.SecretsManager;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class SecretsManagerRoundTripTests(MotoFixture moto) : IAsyncLifetime
{
    private AwsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _host = moto.CreateHost();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SecretLifecycleRoundTrips()
    {
        var secrets = _host.SecretsManager;
        var ct = CancellationToken.None;
        var create = new CreateSecretRequest
        {
            Name = "shop/orders/db",
            ClientRequestToken = "0f4c2b1e-7d3a-4b8e-9c6f-1a2b3c4d5e6f",
            Description = "Orders database credentials",
            SecretString = """{"username":"orders","password":"s3cr3t-value"}""",
            Tags = [new AwsTag { Key = "skyforge.dev/owner", Value = "shop/orders" }],
        };
        var created = await secrets.CreateSecretAsync(create, ct);
        Assert.Equal("shop/orders/db", created.Name);
        Assert.Equal(create.ClientRequestToken, created.VersionId);
        Assert.NotNull(created.ARN);

        var value = await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "shop/orders/db" }, ct);
        Assert.Equal(create.SecretString, value.SecretString);
        Assert.Equal(create.ClientRequestToken, value.VersionId);
        Assert.Contains("AWSCURRENT", value.VersionStages!);
        Assert.NotNull(value.CreatedDate);

        var put = await secrets.PutSecretValueAsync(new PutSecretValueRequest
        {
            SecretId = created.ARN!,
            SecretString = """{"username":"orders","password":"rotated-value"}""",
        }, ct);
        Assert.NotEqual(created.VersionId, put.VersionId);
        Assert.Equal(36, put.VersionId!.Length);
        var rotated = await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "shop/orders/db" }, ct);
        Assert.Contains("rotated-value", rotated.SecretString);

        var binary = await secrets.UpdateSecretAsync(new UpdateSecretRequest
        {
            SecretId = "shop/orders/db",
            Description = "Orders database credentials (binary)",
            SecretBinary = Encoding.UTF8.GetBytes("binary-value"),
        }, ct);
        Assert.Equal("shop/orders/db", binary.Name);
        var binaryValue = await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "shop/orders/db" }, ct);
        Assert.Equal("binary-value", Encoding.UTF8.GetString(binaryValue.SecretBinary!));

        await secrets.TagResourceAsync(new TagResourceRequest { SecretId = "shop/orders/db", Tags = [new AwsTag { Key = "team", Value = "orders" }] }, ct);
        var described = await secrets.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "shop/orders/db" }, ct);
        Assert.Equal("Orders database credentials (binary)", described.Description);
        Assert.Equal(["skyforge.dev/owner", "team"], described.Tags!.Select(tag => tag.Key).Order());
        Assert.Equal(3, described.VersionIdsToStages!.Count);
        Assert.Null(described.DeletedDate);

        var scheduled = await secrets.DeleteSecretAsync(new DeleteSecretRequest { SecretId = "shop/orders/db", RecoveryWindowInDays = 7 }, ct);
        Assert.NotNull(scheduled.DeletionDate);
        Assert.NotNull((await secrets.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "shop/orders/db" }, ct)).DeletedDate);
        var pending = await Assert.ThrowsAsync<AwsServiceException>(() =>
            secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "shop/orders/db" }, ct));
        Assert.Equal("InvalidRequestException", pending.ErrorCode);

        await secrets.DeleteSecretAsync(new DeleteSecretRequest { SecretId = "shop/orders/db", ForceDeleteWithoutRecovery = true }, ct);
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() =>
            secrets.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "shop/orders/db" }, ct));
        Assert.True(gone.IsNotFound);
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
    }

    [Fact]
    public async Task CreateWithTheSameTokenIsIdempotent()
    {
        var request = new CreateSecretRequest
        {
            Name = "shop/idempotent",
            ClientRequestToken = "11111111-2222-4333-8444-555555555555",
            SecretString = "same-value",
        };
        var first = await _host.SecretsManager.CreateSecretAsync(request, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _host.SecretsManager.CreateSecretAsync(request with { ClientRequestToken = "99999999-2222-4333-8444-555555555555" }, CancellationToken.None));

        Assert.Equal(request.ClientRequestToken, first.VersionId);
        Assert.True(conflict.IsAlreadyExists);
        Assert.Equal("ResourceExistsException", conflict.ErrorCode);
    }
}
