using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;
using Amazon.SecurityToken;

namespace Skyforge.Aws.Credentials;

/// <summary>
/// IRSA web-identity credentials (AWSSDK.Core's refreshing implementation) whose STS client uses Skyforge's resolved
/// region and STS endpoint, so that endpoint overrides reach the token exchange too.
/// </summary>
internal sealed class EndpointAwareWebIdentityCredentials : AssumeRoleWithWebIdentityCredentials
{
    private readonly string _region;
    private readonly Uri? _stsEndpoint;

    public EndpointAwareWebIdentityCredentials(string tokenFile, string roleArn, string? sessionName, string region, Uri? stsEndpoint)
        : base(tokenFile, roleArn, sessionName)
    {
        _region = region;
        _stsEndpoint = stsEndpoint;
    }

    protected override ICoreAmazonSTS CreateClient()
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(_region),
            AuthenticationRegion = _region,
        };
        if (_stsEndpoint is not null)
        {
            config.ServiceURL = _stsEndpoint.ToString();
        }
        return new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config);
    }
}
