using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;

namespace Skyforge.Operator.Tests.Controllers;

/// <summary>An <see cref="IAwsClientFactory"/> over fakes: each region a test names gets the clients it was given; any other region fails the test.</summary>
internal sealed class FakeAwsClients : IAwsClientFactory
{
    private readonly Dictionary<string, AwsRegionClients> _regions = new(StringComparer.Ordinal);

    public static FakeAwsClients With(string region, IRdsClient? rds = null, IKafkaClient? kafka = null) => new FakeAwsClients().Add(region, rds, kafka);

    public FakeAwsClients Add(string region, IRdsClient? rds = null, IKafkaClient? kafka = null)
    {
        _regions[region] = new AwsRegionClients(region, rds ?? Unused<IRdsClient>(), Unused<IElastiCacheClient>(), kafka ?? Unused<IKafkaClient>(), Unused<ISecretsManagerClient>());
        return this;
    }

    public AwsRegionClients ForRegion(string region) =>
        _regions.TryGetValue(region, out var clients) ? clients : throw new InvalidOperationException($"the test set up no AWS clients for region {region}");

    private static T Unused<T>()
        where T : class => System.Reflection.DispatchProxy.Create<T, UnusedClient>();

    /// <summary>A client the test does not expect to be called.</summary>
    public class UnusedClient : System.Reflection.DispatchProxy
    {
        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"{targetMethod?.Name} was not expected in this test");
    }
}
