using System.Text.Json;
using Skyforge.Aws.Http;

namespace Skyforge.Aws.Protocols.Json;

/// <summary>
/// awsJson1_1: <c>POST /</c> with <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c> and the request record as the
/// JSON body (member names as declared); the answer's JSON body is the response record.
/// </summary>
internal sealed class JsonProtocolClient
{
    private const string ContentType = "application/x-amz-json-1.1";

    private readonly AwsService _service;
    private readonly string _targetPrefix;
    private readonly AwsTransport _transport;

    public JsonProtocolClient(AwsService service, string targetPrefix, AwsTransport transport)
    {
        _service = service;
        _targetPrefix = targetPrefix;
        _transport = transport;
    }

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : new()
    {
        var response = await SendAsync(operation, request, cancellationToken);
        return JsonBodies.Read<TResponse>(_service, operation, response);
    }

    public async Task InvokeAsync<TRequest>(string operation, TRequest request, CancellationToken cancellationToken) =>
        await SendAsync(operation, request, cancellationToken);

    private Task<AwsHttpResponse> SendAsync<TRequest>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        var httpRequest = new AwsHttpRequest(HttpMethod.Post, "/")
        {
            ContentType = ContentType,
            Headers = new Dictionary<string, string> { ["X-Amz-Target"] = _targetPrefix + "." + operation },
            Body = JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options),
        };
        return _transport.SendAsync(new AwsCall(_service, operation, httpRequest, JsonErrorParser.Instance, SensitiveValues.Collect(request)), cancellationToken);
    }
}
