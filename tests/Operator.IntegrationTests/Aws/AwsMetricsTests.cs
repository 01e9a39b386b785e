using System.Diagnostics.Metrics;
using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Aws.Sts;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class AwsMetricsTests(MotoFixture moto) : IAsyncLifetime
{
    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CallsAndAttemptsAreCountedByServiceOperationAndOutcome()
    {
        var calls = new List<(string Service, string Operation, string Outcome)>();
        var attempts = new List<(string Service, string Operation, string Outcome)>();
        var durations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == AwsMetrics.MeterName)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var key = Key(tags);
            lock (calls)
            {
                (instrument.Name == AwsMetrics.CallsTotal ? calls : attempts).Add(key);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == AwsMetrics.CallDuration)
            {
                Interlocked.Increment(ref durations);
            }
        });
        listener.Start();
        await using var host = moto.CreateHost();
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle()) { Service = "sts", Times = 1 });

        await host.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None);
        await Assert.ThrowsAsync<AwsServiceException>(() =>
            host.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "absent" }, CancellationToken.None));

        Assert.Equal([("sts", "GetCallerIdentity", "success"), ("rds", "DescribeDBInstances", "client_error")], calls);
        Assert.Equal(
            [("sts", "GetCallerIdentity", "throttled"), ("sts", "GetCallerIdentity", "success"), ("rds", "DescribeDBInstances", "client_error")],
            attempts);
        Assert.Equal(2, durations);
    }

    private static (string, string, string) Key(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? service = null, operation = null, outcome = null;
        foreach (var (name, value) in tags)
        {
            switch (name)
            {
                case "service":
                    service = value as string;
                    break;
                case "operation":
                    operation = value as string;
                    break;
                case "outcome":
                    outcome = value as string;
                    break;
            }
        }
        return (service!, operation!, outcome!);
    }
}
