using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Skyforge.Aws.Signing;

/// <summary>
/// The minimal AWSSDK.Core client configuration the SigV4 signer consults: signing service name, signing region
/// and the endpoint being called.
/// </summary>
internal sealed class SigningClientConfig : ClientConfig
{
    private static readonly IDefaultConfiguration[] StandardMode =
    [
        new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
    ];

    private readonly string _signingName;

    public SigningClientConfig(AwsService service, string region, Uri endpoint)
        : base(new DefaultConfigurationProvider(StandardMode))
    {
        _signingName = service.SigningName;
        ServiceVersion = service.ApiVersion;
        AuthenticationServiceName = service.SigningName;
        AuthenticationRegion = region;
        ServiceURL = endpoint.ToString();
    }

    public override string ServiceVersion { get; }

    public override string UserAgent => AwsRequestSigner.UserAgent;

    public override string RegionEndpointServiceName => _signingName;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
}
