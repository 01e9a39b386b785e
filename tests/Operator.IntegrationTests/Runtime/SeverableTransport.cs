namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>An HTTP transport that can be cut off the network: once severed, every request fails as an unreachable server would.</summary>
internal sealed class SeverableTransport() : DelegatingHandler(new SocketsHttpHandler())
{
    private volatile bool _severed;

    public void Sever() => _severed = true;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _severed
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException($"network severed: no route to {request.RequestUri?.Authority}"))
            : base.SendAsync(request, cancellationToken);
}
