using System.Collections.Concurrent;
using Skyforge.Aws.Credentials;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Http;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;

namespace Skyforge.Aws;

/// <summary>
/// The configured region's clients are the registered ones (so a replaced client is honoured there); every other
/// region gets clients over <see cref="AwsTransport.ForRegion"/>, built on first use and kept.
/// </summary>
public sealed class AwsClientFactory : IAwsClientFactory
{
    private readonly AwsTransport _transport;
    private readonly AwsRegionResolver _regions;
    private readonly Lazy<AwsRegionClients> _configured;
    private readonly ConcurrentDictionary<string, Lazy<AwsRegionClients>> _others = new(StringComparer.Ordinal);

    public AwsClientFactory(AwsTransport transport, AwsRegionResolver regions, IRdsClient rds, IElastiCacheClient elastiCache, IKafkaClient kafka, ISecretsManagerClient secretsManager)
    {
        _transport = transport;
        _regions = regions;
        _configured = new Lazy<AwsRegionClients>(() => new AwsRegionClients(regions.Region, rds, elastiCache, kafka, secretsManager));
    }

    public AwsRegionClients ForRegion(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (region == _regions.Region)
        {
            return _configured.Value;
        }
        return _others.GetOrAdd(region, key => new Lazy<AwsRegionClients>(() =>
        {
            var transport = _transport.ForRegion(key);
            return new AwsRegionClients(key, new RdsClient(transport), new ElastiCacheClient(transport), new KafkaClient(transport), new SecretsManagerClient(transport));
        })).Value;
    }
}
