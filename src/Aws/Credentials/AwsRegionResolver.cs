using Amazon.Runtime;
using Microsoft.Extensions.Options;

namespace Skyforge.Aws.Credentials;

/// <summary>
/// Resolves the region once: <c>--aws-region</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the shared profile,
/// then AWSSDK.Core's fallback chain (which ends at EC2 instance metadata).
/// </summary>
public sealed class AwsRegionResolver
{
    private readonly Lazy<string> _region;

    public AwsRegionResolver(IOptions<AwsOptions> options, AwsEnvironment environment, AwsSharedProfiles profiles)
    {
        _region = new Lazy<string>(() => Resolve(options.Value, environment, profiles), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <exception cref="AwsConfigurationException">No source names a region.</exception>
    public string Region => _region.Value;

    private static string Resolve(AwsOptions options, AwsEnvironment environment, AwsSharedProfiles profiles)
    {
        var region = options.Region
            ?? environment.Get("AWS_REGION")
            ?? environment.Get("AWS_DEFAULT_REGION")
            ?? profiles.ActiveProfile?.Region?.SystemName
            ?? FromSdkFallback();
        return region ?? throw new AwsConfigurationException(
            "No AWS region configured: pass --aws-region, set AWS_REGION, or set a region in the AWS profile.");
    }

    private static string? FromSdkFallback()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (Exception exception) when (exception is AmazonClientException or InvalidOperationException)
        {
            return null;
        }
    }
}
