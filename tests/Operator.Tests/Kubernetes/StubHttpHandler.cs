using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Skyforge.Operator.Tests.Kubernetes;

/// <summary>An in-process HTTP endpoint: records each request (with its body) and answers through a delegate.</summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;

    public StubHttpHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public StubHttpHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Status(int code, string reason, string message, string? extra = null) =>
        Json((HttpStatusCode)code, $$$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"{{{message}}}","reason":"{{{reason}}}","code":{{{code}}}{{{extra}}}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body,
            request.Headers.Accept.ToString(),
            request.Headers.UserAgent.ToString());
        Requests.Enqueue(recorded);
        return await _respond(recorded, cancellationToken);
    }
}

public sealed record RecordedRequest(string Method, Uri Uri, string? Authorization, string? ContentType, string? Body, string Accept, string UserAgent)
{
    public string Path => Uri.AbsolutePath;

    /// <summary>The query exactly as sent (still escaped).</summary>
    public string Query => Uri.Query;

    public string? QueryValue(string name) =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""))
            .FirstOrDefault();
}
