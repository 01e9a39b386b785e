using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Skyforge.TestKit.Aws;

/// <summary>
/// Names the service and operation of a raw AWS request and extracts its parameters: the SigV4 credential scope
/// gives the service; <c>X-Amz-Target</c> (JSON 1.1), the form's <c>Action</c> (query) or the MSK route table
/// (REST-JSON) gives the operation.
/// </summary>
internal static partial class AwsRequestClassifier
{
    private static readonly (string Method, Regex Path, string Operation)[] KafkaRoutes =
    [
        ("POST", KafkaPath("^/api/v2/clusters$"), "CreateClusterV2"),
        ("GET", KafkaPath("^/api/v2/clusters$"), "ListClustersV2"),
        ("GET", KafkaPath("^/api/v2/clusters/[^/]+$"), "DescribeClusterV2"),
        ("DELETE", KafkaPath("^/v1/clusters/[^/]+$"), "DeleteCluster"),
        ("GET", KafkaPath("^/v1/clusters/[^/]+/bootstrap-brokers$"), "GetBootstrapBrokers"),
        ("PUT", KafkaPath("^/v1/clusters/[^/]+/nodes/count$"), "UpdateBrokerCount"),
        ("PUT", KafkaPath("^/v1/clusters/[^/]+/nodes/storage$"), "UpdateBrokerStorage"),
        ("PUT", KafkaPath("^/v1/clusters/[^/]+/nodes/type$"), "UpdateBrokerType"),
        ("POST", KafkaPath("^/v1/tags/[^/]+$"), "TagResource"),
        ("GET", KafkaPath("^/v1/tags/[^/]+$"), "ListTagsForResource"),
    ];

    public static ClassifiedRequest Classify(HttpRequest request, byte[] body)
    {
        var service = ServiceFromAuthorization(request.Headers.Authorization.ToString());
        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            var dot = target.LastIndexOf('.');
            return new ClassifiedRequest(
                service ?? target[..Math.Max(dot, 0)],
                target[(dot + 1)..],
                AwsProtocol.Json,
                ParseJson(body) as JsonObject ?? []);
        }
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = new JsonObject();
            foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
                form[key] = value;
            }
            return new ClassifiedRequest(service ?? "unknown", form["Action"]?.GetValue<string>() ?? "Unknown", AwsProtocol.Query, form);
        }
        var path = request.Path.Value ?? "/";
        var operation = KafkaRoutes.FirstOrDefault(route => route.Method == request.Method && route.Path.IsMatch(path)).Operation ?? "Unknown";
        var query = new JsonObject();
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.ToString();
        }
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path;
        var parameters = new JsonObject
        {
            ["method"] = request.Method,
            ["rawPath"] = rawTarget.Split('?')[0],
            ["path"] = Uri.UnescapeDataString(path),
            ["query"] = query,
            ["body"] = ParseJson(body),
        };
        return new ClassifiedRequest(service ?? "unknown", operation, AwsProtocol.RestJson, parameters);
    }

    private static string? ServiceFromAuthorization(string authorization)
    {
        var match = CredentialScope().Match(authorization);
        return match.Success ? match.Groups["service"].Value : null;
    }

    private static JsonNode? ParseJson(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(Encoding.UTF8.GetString(body));
        }
    }

    private static Regex KafkaPath(string pattern) => new(pattern, RegexOptions.CultureInvariant);

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();
}

/// <summary>The service, operation, protocol and parameters of one proxied request.</summary>
internal sealed record ClassifiedRequest(string Service, string Operation, AwsProtocol Protocol, JsonObject Parameters);
