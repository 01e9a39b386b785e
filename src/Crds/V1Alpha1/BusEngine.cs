using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>The message-bus engine.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BusEngine>))]
public enum BusEngine
{
    [JsonStringEnumMemberName("kafka")]
    Kafka,

    [JsonStringEnumMemberName("rabbitmq")]
    RabbitMq,
}
