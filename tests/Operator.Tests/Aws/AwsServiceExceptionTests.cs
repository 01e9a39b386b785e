using System.Net;
using System.Text.Json;
using Skyforge.Aws;
using Skyforge.Aws.Protocols;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;

namespace Skyforge.Operator.Tests.Aws;

public sealed class AwsServiceExceptionTests
{
    [Theory]
    [InlineData("Throttling", 400, true, false, false)]
    [InlineData("ThrottlingException", 400, true, false, false)]
    [InlineData("TooManyRequestsException", 429, true, false, false)]
    [InlineData("RequestLimitExceeded", 400, true, false, false)]
    [InlineData("Anything", 429, true, false, false)]
    [InlineData("InternalFailure", 500, false, true, false)]
    [InlineData("ServiceUnavailableException", 503, false, true, false)]
    [InlineData("DBInstanceNotFound", 404, false, false, true)]
    [InlineData("ResourceNotFoundException", 400, false, false, true)]
    [InlineData("LimitExceededException", 400, false, false, false)]
    public void CodesAndStatusesAreClassified(string code, int status, bool throttling, bool serviceFailure, bool notFound)
    {
        var exception = new AwsServiceException(AwsService.Rds, "Op", code, (HttpStatusCode)status, "id", null);

        Assert.Equal((throttling, serviceFailure, notFound, throttling || serviceFailure), (exception.IsThrottling, exception.IsServiceFailure, exception.IsNotFound, exception.IsRetryable));
    }

    [Fact]
    public void TheMessageNamesTheCallButNotTheServiceText()
    {
        var exception = new AwsServiceException(AwsService.SecretsManager, "CreateSecret", "InvalidParameterException", HttpStatusCode.BadRequest, "req-9", "value hunter2 rejected");

        Assert.Equal("AWS secretsmanager CreateSecret failed: InvalidParameterException (HTTP 400, request id req-9)", exception.Message);
        Assert.Equal("value hunter2 rejected", exception.ServiceMessage);
    }

    [Fact]
    public void TransportFailuresAndOpenCircuitsAreUnavailable()
    {
        var reset = new AwsServiceException(AwsService.Kafka, "ListClustersV2", AwsErrorCodes.TransportError, null, null, null);
        var open = new AwsServiceException(AwsService.Kafka, "ListClustersV2", AwsErrorCodes.CircuitOpen, null, null, null);

        Assert.Equal((true, true), (reset.IsUnavailable, reset.IsRetryable));
        Assert.Equal((true, false), (open.IsUnavailable, open.IsRetryable));
        Assert.Contains("no response", open.Message);
    }

    [Fact]
    public void SensitiveMembersAreCollectedAndScrubbed()
    {
        var values = SensitiveValues.Collect(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "orders",
            DBInstanceClass = "db.t3.micro",
            Engine = "postgres",
            MasterUserPassword = "hunter2-hunter2",
        });

        Assert.Equal(["hunter2-hunter2"], values);
        Assert.Equal("password *** for orders", SensitiveValues.Scrub("password hunter2-hunter2 for orders", values));
    }

    [Fact]
    public void BinarySecretsAreScrubbedInBase64()
    {
        var values = SensitiveValues.Collect(new PutSecretValueRequest { SecretId = "x", SecretBinary = "raw"u8.ToArray() });

        Assert.Equal(["cmF3"], values);
    }

    [Fact]
    public void EpochSecondTimestampsKeepMilliseconds()
    {
        var value = JsonSerializer.Deserialize<GetSecretValueResponse>("""{"CreatedDate":1.576540098123E9}""", AwsJson.Options)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1576540098123), value.CreatedDate);
        Assert.Equal("""{"CreatedDate":1576540098.123}""", JsonSerializer.Serialize(value, AwsJson.Options));
    }
}
