using Skyforge.Aws.Credentials;
using Skyforge.Operator.Cli;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class AwsCheckCommandTests(MotoFixture moto) : IAsyncLifetime
{
    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private AwsEnvironment Environment => AwsEnvironment.FromValues(new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = moto.CredentialsFile });

    [Fact]
    public async Task ReportsIdentityAndOneReadPerService()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await AwsCheckCommand.RunAsync(
            ["--aws-region", MotoFixture.Region, "--aws-endpoint-url", moto.Proxy.Endpoint.ToString(), "--profile", MotoFixture.Profile],
            stdout, stderr, Environment, CancellationToken.None);

        var report = stdout.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("region       us-east-1", report);
        Assert.Contains($"profile '{MotoFixture.Profile}'", report);
        Assert.DoesNotContain(MotoFixture.AccessKeyId, report);
        Assert.DoesNotContain(MotoFixture.SecretAccessKey, report);
        Assert.Contains("ok           sts GetCallerIdentity: account 123456789012", report);
        foreach (var operation in new[] { "rds DescribeDBInstances", "elasticache DescribeReplicationGroups", "kafka ListClustersV2", "secretsmanager DescribeSecret" })
        {
            Assert.Contains("ok           " + operation, report);
        }
        Assert.Equal(5, new[] { "sts", "rds", "elasticache", "kafka", "secretsmanager" }.Sum(service => moto.Proxy.Count(service)));
    }

    [Fact]
    public async Task ReportsAFailingServiceAndExitsNonZero()
    {
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Error("AccessDeniedException", 403, "not authorized")) { Service = "kafka" });
        var stdout = new StringWriter();

        var exitCode = await AwsCheckCommand.RunAsync(
            ["--aws-region=us-east-1", $"--aws-endpoint-url={moto.Proxy.Endpoint}", $"--profile={MotoFixture.Profile}"],
            stdout, new StringWriter(), Environment, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL         kafka ListClustersV2: AccessDeniedException (HTTP 403): not authorized", stdout.ToString());
        Assert.Contains("ok           rds DescribeDBInstances", stdout.ToString());
    }

    [Fact]
    public async Task RejectsUnknownArguments()
    {
        var stderr = new StringWriter();

        var exitCode = await AwsCheckCommand.RunAsync(["--region", "x"], new StringWriter(), stderr, Environment, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown argument \"--region\"", stderr.ToString());
    }

    [Fact]
    public async Task ReportsAMissingProfile()
    {
        var stdout = new StringWriter();

        var exitCode = await AwsCheckCommand.RunAsync(
            ["--aws-region", "us-east-1", "--aws-endpoint-url", moto.Proxy.Endpoint.ToString(), "--profile", "nobody"],
            stdout, new StringWriter(), Environment, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL         AWS profile 'nobody' was not found", stdout.ToString());
    }
}
