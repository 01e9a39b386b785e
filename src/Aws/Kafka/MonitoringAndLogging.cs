using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record ConfigurationInfo
{
    [JsonPropertyName("arn")]
    public required string Arn { get; init; }

    [JsonPropertyName("revision")]
    public required long Revision { get; init; }
}

public sealed record OpenMonitoringInfo
{
    [JsonPropertyName("prometheus")]
    public required PrometheusInfo Prometheus { get; init; }
}

public sealed record PrometheusInfo
{
    [JsonPropertyName("jmxExporter")]
    public ExporterInfo? JmxExporter { get; init; }

    [JsonPropertyName("nodeExporter")]
    public ExporterInfo? NodeExporter { get; init; }
}

public sealed record ExporterInfo
{
    [JsonPropertyName("enabledInBroker")]
    public required bool EnabledInBroker { get; init; }
}

public sealed record LoggingInfo
{
    [JsonPropertyName("brokerLogs")]
    public required BrokerLogs BrokerLogs { get; init; }
}

public sealed record BrokerLogs
{
    [JsonPropertyName("cloudWatchLogs")]
    public CloudWatchLogs? CloudWatchLogs { get; init; }

    [JsonPropertyName("firehose")]
    public FirehoseLogs? Firehose { get; init; }

    [JsonPropertyName("s3")]
    public S3Logs? S3 { get; init; }
}

public sealed record CloudWatchLogs
{
    [JsonPropertyName("enabled")]
    public required bool Enabled { get; init; }

    [JsonPropertyName("logGroup")]
    public string? LogGroup { get; init; }
}

public sealed record FirehoseLogs
{
    [JsonPropertyName("deliveryStream")]
    public string? DeliveryStream { get; init; }

    [JsonPropertyName("enabled")]
    public required bool Enabled { get; init; }
}

public sealed record S3Logs
{
    [JsonPropertyName("bucket")]
    public string? Bucket { get; init; }

    [JsonPropertyName("enabled")]
    public required bool Enabled { get; init; }

    [JsonPropertyName("prefix")]
    public string? Prefix { get; init; }
}
