using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

/// <summary>How clients authenticate to a provisioned cluster: SASL (SCRAM, IAM), mutual TLS, or none.</summary>
public sealed record ClientAuthentication
{
    [JsonPropertyName("sasl")]
    public Sasl? Sasl { get; init; }

    [JsonPropertyName("tls")]
    public Tls? Tls { get; init; }

    [JsonPropertyName("unauthenticated")]
    public EnabledSetting? Unauthenticated { get; init; }
}

public sealed record Sasl
{
    [JsonPropertyName("scram")]
    public EnabledSetting? Scram { get; init; }

    [JsonPropertyName("iam")]
    public EnabledSetting? Iam { get; init; }
}

public sealed record Tls
{
    [JsonPropertyName("certificateAuthorityArnList")]
    public IReadOnlyList<string>? CertificateAuthorityArnList { get; init; }

    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }
}

/// <summary>A switch shape (<c>{"enabled": true}</c>) shared by SCRAM, IAM, TLS and unauthenticated access.</summary>
public sealed record EnabledSetting
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }
}

public sealed record ServerlessClientAuthentication
{
    [JsonPropertyName("sasl")]
    public ServerlessSasl? Sasl { get; init; }
}

public sealed record ServerlessSasl
{
    [JsonPropertyName("iam")]
    public EnabledSetting? Iam { get; init; }
}
