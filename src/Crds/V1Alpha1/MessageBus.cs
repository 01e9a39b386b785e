using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>MessageBus is a Kafka or RabbitMQ bus (Amazon MSK or in-cluster) with its topics or queues and a connection Secret.</summary>
[Kind("MessageBus", "messagebuses", "mbus")]
[PrinterColumn(1, "Engine", "string", ".spec.engine", "Bus engine")]
[PrinterColumn(2, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the bus accepts connections")]
[PrinterColumn(3, "Phase", "string", ".status.phase", "Current state")]
[PrinterColumn(4, "Endpoint", "string", ".status.endpoint", "Bootstrap servers or AMQP endpoint")]
[PrinterColumn(5, "Age", "date", ".metadata.creationTimestamp", "Time since creation")]
public sealed class MessageBus : CustomResource<MessageBusSpec, MessageBusStatus>
{
    public MessageBus() => Kind = "MessageBus";
}
