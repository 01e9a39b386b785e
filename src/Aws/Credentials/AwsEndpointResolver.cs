using Amazon;
using Microsoft.Extensions.Options;

namespace Skyforge.Aws.Credentials;

/// <summary>
/// Resolves each service's endpoint: <c>--aws-endpoint-url</c>, then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>,
/// <c>AWS_ENDPOINT_URL</c> and the profile's <c>endpoint_url</c> (all skipped when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true), else the public regional endpoint.
/// </summary>
public sealed class AwsEndpointResolver
{
    private readonly AwsOptions _options;
    private readonly AwsEnvironment _environment;
    private readonly AwsSharedProfiles _profiles;
    private readonly AwsRegionResolver _regions;

    public AwsEndpointResolver(IOptions<AwsOptions> options, AwsEnvironment environment, AwsSharedProfiles profiles, AwsRegionResolver regions)
    {
        _options = options.Value;
        _environment = environment;
        _profiles = profiles;
        _regions = regions;
    }

    /// <exception cref="AwsConfigurationException">The configured endpoint is not an absolute http(s) URL.</exception>
    public Uri Resolve(AwsService service) => Resolve(service, _regions.Region);

    /// <summary>
    /// The endpoint for <paramref name="service"/> in <paramref name="region"/>. A configured endpoint (an emulator,
    /// a VPC endpoint) serves every region: the request's signature names the region.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The configured endpoint is not an absolute http(s) URL.</exception>
    public Uri Resolve(AwsService service, string region)
    {
        var configured = _options.EndpointUrl ?? ConfiguredOutsideFlags(service);
        return configured is null ? DefaultEndpoint(service, region) : Parse(configured, service);
    }

    /// <summary>Whether the endpoint came from configuration rather than the public AWS default.</summary>
    public bool IsOverridden(AwsService service) => _options.EndpointUrl is not null || ConfiguredOutsideFlags(service) is not null;

    private string? ConfiguredOutsideFlags(AwsService service)
    {
        var profile = _profiles.ActiveProfile;
        var ignore = bool.TryParse(_environment.Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), out var ignoreFromEnvironment)
            ? ignoreFromEnvironment
            : profile?.IgnoreConfiguredEndpointUrls ?? false;
        if (ignore)
        {
            return null;
        }
        return _environment.Get(service.EndpointEnvironmentVariable)
            ?? _environment.Get("AWS_ENDPOINT_URL")
            ?? profile?.EndpointUrl;
    }

    private static Uri DefaultEndpoint(AwsService service, string region)
    {
        var dnsSuffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix;
        if (string.IsNullOrEmpty(dnsSuffix))
        {
            dnsSuffix = "amazonaws.com";
        }
        return new Uri($"https://{service.EndpointPrefix}.{region}.{dnsSuffix}/");
    }

    private static Uri Parse(string value, AwsService service)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }
        throw new AwsConfigurationException($"The endpoint configured for AWS {service.Id} is not an absolute http(s) URL.");
    }
}
