using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Skyforge.Aws.Credentials;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Http;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.Resilience;
using Skyforge.Aws.SecretsManager;
using Skyforge.Aws.Signing;
using Skyforge.Aws.Sts;

namespace Skyforge.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> the AWS clients share (pooled <see cref="SocketsHttpHandler"/>).</summary>
    public const string HttpClientName = "Skyforge.Aws";

    /// <summary>
    /// Registers the AWS clients (<see cref="IRdsClient"/>, <see cref="IElastiCacheClient"/>, <see cref="IKafkaClient"/>,
    /// <see cref="ISecretsManagerClient"/>, <see cref="IStsClient"/>) and <see cref="IAwsClientFactory"/> for other regions, their credentials, region and endpoint resolution,
    /// resilience pipelines (<see cref="IAwsServiceAvailability"/>) and metrics. A registered <see cref="TimeProvider"/>
    /// or <see cref="AwsEnvironment"/> is respected.
    /// </summary>
    public static IServiceCollection AddSkyforgeAws(this IServiceCollection services, Action<AwsOptions>? configure = null)
    {
        var options = services.AddOptions<AwsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AwsEnvironment.Process);
        services.TryAddSingleton<AwsSharedProfiles>();
        services.TryAddSingleton<AwsRegionResolver>();
        services.TryAddSingleton<AwsEndpointResolver>();
        services.TryAddSingleton<AwsCredentialsProvider>();
        services.TryAddSingleton<AwsRequestSigner>();
        services.TryAddSingleton<AwsMetrics>();
        services.TryAddSingleton<AwsResiliencePipelines>();
        services.TryAddSingleton<IAwsServiceAvailability>(provider => provider.GetRequiredService<AwsResiliencePipelines>());
        services.TryAddSingleton<AwsTransport>();
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.TryAddSingleton<IRdsClient, RdsClient>();
        services.TryAddSingleton<IElastiCacheClient, ElastiCacheClient>();
        services.TryAddSingleton<IKafkaClient, KafkaClient>();
        services.TryAddSingleton<ISecretsManagerClient, SecretsManagerClient>();
        services.TryAddSingleton<IStsClient, StsClient>();
        services.TryAddSingleton<IAwsClientFactory, AwsClientFactory>();
        return services;
    }
}
