using System.Text.Json.Nodes;

namespace Skyforge.TestKit.Aws;

/// <summary>
/// One request seen by <see cref="AwsFaultProxy"/>: service (from the SigV4 scope), operation, and the parameters
/// as sent — form fields (query protocol), the JSON body (JSON 1.1) or method, raw and decoded path, query and body
/// (REST-JSON) — plus the status answered and whether a fault was injected.
/// </summary>
public sealed record AwsRecordedRequest(string Service, string Operation, JsonObject Parameters, int StatusCode, AwsFaultKind? Fault);
