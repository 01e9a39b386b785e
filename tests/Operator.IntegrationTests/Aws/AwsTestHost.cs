using Microsoft.Extensions.DependencyInjection;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.Resilience;
using Skyforge.Aws.SecretsManager;
using Skyforge.Aws.Sts;

namespace Skyforge.Operator.IntegrationTests.Aws;

/// <summary>The AWS clients of one test, resolved from a service provider built like the operator's.</summary>
public sealed class AwsTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AwsTestHost(ServiceProvider services, CapturedLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public IRdsClient Rds => _services.GetRequiredService<IRdsClient>();

    public IElastiCacheClient ElastiCache => _services.GetRequiredService<IElastiCacheClient>();

    public IKafkaClient Kafka => _services.GetRequiredService<IKafkaClient>();

    public ISecretsManagerClient SecretsManager => _services.GetRequiredService<ISecretsManagerClient>();

    public IStsClient Sts => _services.GetRequiredService<IStsClient>();

    public IAwsServiceAvailability Availability => _services.GetRequiredService<IAwsServiceAvailability>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
