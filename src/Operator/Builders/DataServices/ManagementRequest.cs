using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>One call to the RabbitMQ management HTTP API.</summary>
/// <param name="Method">PUT or POST.</param>
/// <param name="Path">Path below the management URI, e.g. /api/queues/%2F/orders.</param>
/// <param name="Body">The JSON body.</param>
public sealed record ManagementRequest(string Method, string Path, JsonObject Body);
