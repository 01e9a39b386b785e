using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Skyforge.Aws.Http;
using Skyforge.Aws.Protocols.Json;

namespace Skyforge.Aws.Protocols.RestJson;

/// <summary>
/// restJson1: the request record is serialized with its JSON member names; URI labels and query members are taken
/// out of it and the rest is the JSON body (none for GET and DELETE). Errors carry <c>X-Amzn-ErrorType</c>.
/// </summary>
internal sealed partial class RestJsonProtocolClient
{
    private const string ContentType = "application/json";

    private readonly AwsService _service;
    private readonly AwsTransport _transport;

    public RestJsonProtocolClient(AwsService service, AwsTransport transport)
    {
        _service = service;
        _transport = transport;
    }

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(RestJsonOperation operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : new()
    {
        var response = await SendAsync(operation, request, cancellationToken);
        return JsonBodies.Read<TResponse>(_service, operation.Name, response);
    }

    public async Task InvokeAsync<TRequest>(RestJsonOperation operation, TRequest request, CancellationToken cancellationToken) =>
        await SendAsync(operation, request, cancellationToken);

    /// <summary>Encodes <paramref name="request"/> as <paramref name="operation"/> binds it.</summary>
    /// <exception cref="ArgumentException">A URI label member is missing.</exception>
    public static AwsHttpRequest Encode<TRequest>(RestJsonOperation operation, TRequest request)
    {
        var members = JsonSerializer.SerializeToNode(request, AwsJson.Options) as JsonObject ?? [];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in LabelPattern().Matches(operation.UriTemplate))
        {
            var label = match.Groups[1].Value;
            if (!members.TryGetPropertyValue(label, out var value) || value is null)
            {
                throw new ArgumentException($"{operation.Name} needs member '{label}'.", nameof(request));
            }
            members.Remove(label);
            labels[label] = ScalarText(value);
        }
        var query = new List<KeyValuePair<string, string>>();
        foreach (var name in operation.QueryMembers)
        {
            if (members.TryGetPropertyValue(name, out var value))
            {
                members.Remove(name);
                // A list member repeats its name once per item (tagKeys=a&tagKeys=b).
                foreach (var item in value is JsonArray items ? [.. items] : new[] { value })
                {
                    if (item is not null)
                    {
                        query.Add(new(name, ScalarText(item)));
                    }
                }
            }
        }
        var hasBody = operation.Method != HttpMethod.Get && operation.Method != HttpMethod.Delete;
        if (!hasBody && members.Count > 0)
        {
            throw new ArgumentException($"{operation.Name} has no body for members {string.Join(", ", members.Select(member => member.Key))}.", nameof(request));
        }
        return new AwsHttpRequest(operation.Method, operation.UriTemplate)
        {
            PathLabels = labels,
            Query = query,
            ContentType = hasBody ? ContentType : null,
            Body = hasBody ? JsonSerializer.SerializeToUtf8Bytes(members, AwsJson.Options) : [],
        };
    }

    private Task<AwsHttpResponse> SendAsync<TRequest>(RestJsonOperation operation, TRequest request, CancellationToken cancellationToken) =>
        _transport.SendAsync(
            new AwsCall(_service, operation.Name, Encode(operation, request), JsonErrorParser.Instance, SensitiveValues.Collect(request)),
            cancellationToken);

    private static string ScalarText(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        _ => throw new ArgumentException("URI and query members must be scalars."),
    };

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex LabelPattern();
}
