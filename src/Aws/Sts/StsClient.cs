using Skyforge.Aws.Http;
using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Sts;

public sealed class StsClient : IStsClient
{
    private readonly QueryProtocolClient _protocol;

    public StsClient(AwsTransport transport)
    {
        _protocol = new QueryProtocolClient(AwsService.Sts, transport);
    }

    public Task<GetCallerIdentityResponse> GetCallerIdentityAsync(GetCallerIdentityRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<GetCallerIdentityRequest, GetCallerIdentityResponse>("GetCallerIdentity", request, cancellationToken);
}
