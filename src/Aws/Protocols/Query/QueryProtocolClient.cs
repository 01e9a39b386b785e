using System.Text;
using Skyforge.Aws.Http;

namespace Skyforge.Aws.Protocols.Query;

/// <summary>awsQuery: form-encoded <c>POST /</c>, XML answer under <c>&lt;Op&gt;Result</c>, <c>&lt;ErrorResponse&gt;</c> errors.</summary>
internal sealed class QueryProtocolClient
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly AwsService _service;
    private readonly AwsTransport _transport;

    public QueryProtocolClient(AwsService service, AwsTransport transport)
    {
        _service = service;
        _transport = transport;
    }

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : new()
    {
        var response = await SendAsync(operation, request, cancellationToken);
        try
        {
            return QueryXmlDeserializer.ReadResult<TResponse>(response.Body, operation);
        }
        catch (FormatException exception)
        {
            throw AwsTransport.MalformedResponse(_service, operation, response, exception);
        }
    }

    public async Task InvokeAsync<TRequest>(string operation, TRequest request, CancellationToken cancellationToken) =>
        await SendAsync(operation, request, cancellationToken);

    private Task<AwsHttpResponse> SendAsync<TRequest>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        var body = QuerySerializer.Serialize(operation, _service.ApiVersion, request);
        var httpRequest = new AwsHttpRequest(HttpMethod.Post, "/")
        {
            ContentType = ContentType,
            Body = Encoding.UTF8.GetBytes(body),
        };
        return _transport.SendAsync(new AwsCall(_service, operation, httpRequest, QueryErrorParser.Instance, SensitiveValues.Collect(request)), cancellationToken);
    }
}
