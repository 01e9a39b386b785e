using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// The management API calls that declare a bus's queues in the default virtual host. Each is idempotent:
/// declaring a queue or exchange that exists with the same settings, or a binding that exists, changes
/// nothing — so the queues Job can run again safely.
/// </summary>
public static class RabbitMqDeclarations
{
    /// <summary>The default virtual host, "/", as it appears in API paths.</summary>
    private const string DefaultVirtualHost = "%2F";

    /// <summary>
    /// For each queue: a durable (or transient) queue; with deadLetter, first a fanout exchange
    /// &lt;name&gt;.dlx bound to a durable queue &lt;name&gt;.dlq, which the queue names as its
    /// x-dead-letter-exchange, so rejected and expired messages land in &lt;name&gt;.dlq.
    /// </summary>
    public static IReadOnlyList<ManagementRequest> For(IEnumerable<QueueSpec> queues)
    {
        var requests = new List<ManagementRequest>();
        foreach (var queue in queues)
        {
            var arguments = new JsonObject();
            if (EffectiveBus.DeadLetter(queue))
            {
                var exchange = DeadLetterExchange(queue.Name);
                var deadLetterQueue = DeadLetterQueue(queue.Name);
                requests.Add(new("PUT", $"/api/exchanges/{DefaultVirtualHost}/{Segment(exchange)}", new JsonObject { ["type"] = "fanout", ["durable"] = true }));
                requests.Add(new("PUT", $"/api/queues/{DefaultVirtualHost}/{Segment(deadLetterQueue)}", new JsonObject { ["durable"] = true }));
                requests.Add(new("POST", $"/api/bindings/{DefaultVirtualHost}/e/{Segment(exchange)}/q/{Segment(deadLetterQueue)}", new JsonObject { ["routing_key"] = "" }));
                arguments["x-dead-letter-exchange"] = exchange;
            }
            requests.Add(new("PUT", $"/api/queues/{DefaultVirtualHost}/{Segment(queue.Name)}", new JsonObject
            {
                ["durable"] = EffectiveBus.Durable(queue),
                ["arguments"] = arguments,
            }));
        }
        return requests;
    }

    public static string DeadLetterExchange(string queue) => queue + ".dlx";

    public static string DeadLetterQueue(string queue) => queue + ".dlq";

    private static string Segment(string name) => Uri.EscapeDataString(name);
}
