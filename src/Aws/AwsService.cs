namespace Skyforge.Aws;

/// <summary>One AWS service as the clients address it: metric/configuration id, SigV4 signing name, endpoint
/// prefix, the suffix of its <c>AWS_ENDPOINT_URL_*</c> variable and its API version.</summary>
public sealed class AwsService
{
    public static readonly AwsService Rds = new("rds", "rds", "rds", "RDS", "2014-10-31");
    public static readonly AwsService ElastiCache = new("elasticache", "elasticache", "elasticache", "ELASTICACHE", "2015-02-02");
    public static readonly AwsService Kafka = new("kafka", "kafka", "kafka", "KAFKA", "2018-11-14");
    public static readonly AwsService SecretsManager = new("secretsmanager", "secretsmanager", "secretsmanager", "SECRETS_MANAGER", "2017-10-17");
    public static readonly AwsService Sts = new("sts", "sts", "sts", "STS", "2011-06-15");

    public static IReadOnlyList<AwsService> All { get; } = [Rds, ElastiCache, Kafka, SecretsManager, Sts];

    private AwsService(string id, string signingName, string endpointPrefix, string environmentSuffix, string apiVersion)
    {
        Id = id;
        SigningName = signingName;
        EndpointPrefix = endpointPrefix;
        EndpointEnvironmentVariable = "AWS_ENDPOINT_URL_" + environmentSuffix;
        ApiVersion = apiVersion;
    }

    /// <summary>Stable lower-case id used in metrics, logs and per-service options.</summary>
    public string Id { get; }

    public string SigningName { get; }

    public string EndpointPrefix { get; }

    public string EndpointEnvironmentVariable { get; }

    public string ApiVersion { get; }

    public override string ToString() => Id;
}
