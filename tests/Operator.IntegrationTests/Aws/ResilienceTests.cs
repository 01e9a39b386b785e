using System.Diagnostics;
using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;
using Skyforge.Aws.Sts;
using Skyforge.TestKit.Aws;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class ResilienceTests(MotoFixture moto, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FiftyCreatesUnderThirtyPercentThrottlingCompleteWithBoundedAttempts()
    {
        const int creates = 50;
        const int maxRetries = 8;
        await using var host = moto.CreateHost(options => options.Resilience.MaxRetryAttempts = maxRetries);
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle()) { Service = "rds", Operation = "CreateDBInstance", Probability = 0.3 });

        for (var index = 0; index < creates; index++)
        {
            await host.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
            {
                DBInstanceIdentifier = $"throttled-{index:00}",
                DBInstanceClass = "db.t3.micro",
                Engine = "postgres",
                AllocatedStorage = 20,
                MasterUsername = "app",
                MasterUserPassword = "throttled-password-1",
            }, CancellationToken.None);
        }

        var attempts = moto.Proxy.Requests.Where(request => request.Operation == "CreateDBInstance").ToList();
        var throttled = attempts.Count(request => request.Fault == AwsFaultKind.Throttle);
        output.WriteLine($"{creates} creates took {attempts.Count} attempts ({throttled} throttled, {throttled * 100.0 / attempts.Count:F1}%).");
        var instances = await host.Rds.DescribeAllDBInstancesAsync(new DescribeDBInstancesRequest(), CancellationToken.None).ToListAsync();
        Assert.Equal(creates, instances.Count);
        Assert.Equal(creates, attempts.Count - throttled);
        Assert.InRange(throttled, 5, 40);
        Assert.InRange(attempts.Count, creates + 5, creates * 2);
        var longestRun = attempts.GroupBy(request => request.Parameters["DBInstanceIdentifier"]!.GetValue<string>()).Max(group => group.Count());
        Assert.InRange(longestRun, 1, maxRetries + 1);
    }

    [Fact]
    public async Task EachProtocolRetriesItsOwnThrottlingShape()
    {
        await using var host = moto.CreateHost();
        foreach (var service in new[] { "sts", "secretsmanager", "kafka" })
        {
            moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle()) { Service = service, Times = 2 });
        }

        await host.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None);
        await host.SecretsManager.CreateSecretAsync(new CreateSecretRequest { Name = "throttled", SecretString = "value" }, CancellationToken.None);
        await host.Kafka.ListClustersV2Async(new Skyforge.Aws.Kafka.ListClustersV2Request(), CancellationToken.None);

        int[] StatusesOf(string service) => moto.Proxy.Requests.Where(request => request.Service == service).Select(request => request.StatusCode).ToArray();
        Assert.Equal([400, 400, 200], StatusesOf("sts"));
        Assert.Equal([400, 400, 200], StatusesOf("secretsmanager"));
        Assert.Equal([429, 429, 200], StatusesOf("kafka"));
    }

    [Fact]
    public async Task RetryAfterIsHonoured()
    {
        await using var host = moto.CreateHost();
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle(retryAfter: TimeSpan.FromSeconds(1))) { Service = "sts", Times = 1 });

        var stopwatch = Stopwatch.StartNew();
        await host.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None);

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {stopwatch.Elapsed}, before the 1 s Retry-After");
        Assert.Equal(2, moto.Proxy.Count("sts", "GetCallerIdentity"));
    }

    [Fact]
    public async Task SlowAttemptsTimeOutAndAreRetried()
    {
        await using var host = moto.CreateHost(options => options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Latency(TimeSpan.FromSeconds(3))) { Service = "sts", Times = 1 });

        var identity = await host.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None);

        Assert.Equal("123456789012", identity.Account);
        Assert.Equal(2, moto.Proxy.Count("sts", "GetCallerIdentity"));
    }

    [Fact]
    public async Task ConnectionResetsAreRetried()
    {
        await using var host = moto.CreateHost();
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ConnectionReset()) { Service = "secretsmanager", Times = 2 });

        var created = await host.SecretsManager.CreateSecretAsync(new CreateSecretRequest { Name = "after-reset", SecretString = "value" }, CancellationToken.None);

        Assert.Equal("after-reset", created.Name);
        Assert.Equal(3, moto.Proxy.Count("secretsmanager", "CreateSecret"));
    }

    [Fact]
    public async Task ExhaustedRetriesSurfaceTheLastServiceError()
    {
        await using var host = moto.CreateHost(options => options.Resilience.MaxRetryAttempts = 2);
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ServerError(500)) { Service = "rds" });

        var failure = await Assert.ThrowsAsync<AwsServiceException>(() =>
            host.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest(), CancellationToken.None));

        Assert.Equal("InternalFailure", failure.ErrorCode);
        Assert.True(failure.IsUnavailable);
        Assert.Equal(3, moto.Proxy.Count("rds", "DescribeDBInstances"));
    }

    [Fact]
    public async Task NotFoundRightAfterCreateIsReportedNotRetried()
    {
        await using var host = moto.CreateHost();
        moto.Proxy.InjectNotFoundAfterCreate("rds", "CreateDBInstance", "DescribeDBInstances", "DBInstanceNotFound", 404);
        await host.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "eventual",
            DBInstanceClass = "db.t3.micro",
            Engine = "postgres",
            AllocatedStorage = 20,
            MasterUsername = "app",
            MasterUserPassword = "eventual-password-1",
        }, CancellationToken.None);

        var early = await Assert.ThrowsAsync<AwsServiceException>(() =>
            host.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "eventual" }, CancellationToken.None));
        var later = await host.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "eventual" }, CancellationToken.None);

        Assert.True(early.IsNotFound);
        Assert.Equal("eventual", Assert.Single(later.DBInstances!).DBInstanceIdentifier);
        Assert.Equal(2, moto.Proxy.Count("rds", "DescribeDBInstances"));
    }

    [Fact]
    public async Task SustainedServerErrorsOpenTheCircuitAndRecoveryClosesIt()
    {
        await using var host = moto.CreateHost(options => options.Resilience = new AwsResilienceOptions
        {
            MaxRetryAttempts = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            CircuitBreakerFailureRatio = 0.5,
            CircuitBreakerMinimumThroughput = 4,
            CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(10),
            CircuitBreakerBreakDuration = TimeSpan.FromMilliseconds(600),
            RequestsPerSecond = 0,
        });
        var describe = new DescribeSecretRequest { SecretId = "probe" };
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ServerError()) { Service = "secretsmanager" });

        var open = await Eventually.ReturnsAsync(
            async () => (await Assert.ThrowsAsync<AwsServiceException>(() => host.SecretsManager.DescribeSecretAsync(describe, CancellationToken.None))),
            failure => failure.IsCircuitOpen,
            "the circuit to open");
        Assert.True(open.IsUnavailable);
        Assert.True(host.Availability.IsCircuitOpen(AwsService.SecretsManager));
        Assert.False(host.Availability.IsCircuitOpen(AwsService.Rds));
        var reachedProxy = moto.Proxy.Count("secretsmanager");
        var rejected = await Assert.ThrowsAsync<AwsServiceException>(() => host.SecretsManager.DescribeSecretAsync(describe, CancellationToken.None));
        Assert.True(rejected.IsCircuitOpen);
        Assert.Equal(reachedProxy, moto.Proxy.Count("secretsmanager"));
        output.WriteLine($"circuit opened after {reachedProxy} attempts reached the service");

        moto.Proxy.ClearFaults();
        var recovered = await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    await host.SecretsManager.DescribeSecretAsync(describe, CancellationToken.None);
                    return null;
                }
                catch (AwsServiceException exception)
                {
                    return exception;
                }
            },
            failure => failure is { IsNotFound: true },
            "a real answer after the break");
        Assert.Equal("ResourceNotFoundException", recovered!.ErrorCode);
        Assert.False(host.Availability.IsCircuitOpen(AwsService.SecretsManager));
    }
}
