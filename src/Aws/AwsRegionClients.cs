using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;

namespace Skyforge.Aws;

/// <summary>The service clients that sign for and address one region.</summary>
public sealed record AwsRegionClients(string Region, IRdsClient Rds, IElastiCacheClient ElastiCache, IKafkaClient Kafka, ISecretsManagerClient SecretsManager);
