namespace Skyforge.Aws;

/// <summary>
/// How Skyforge reaches AWS. Everything is optional: unset values fall back to the environment and the shared
/// AWS config, as the AWS SDKs do. Bound from configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";

    /// <summary>Region (<c>--aws-region</c>); else <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile, instance metadata.</summary>
    public string? Region { get; set; }

    /// <summary>Shared-config profile (<c>--profile</c>); else the SDK default chain decides.</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// One endpoint for every service (<c>--aws-endpoint-url</c>), e.g. an emulator. Beats the
    /// <c>AWS_ENDPOINT_URL_*</c> and <c>AWS_ENDPOINT_URL</c> variables.
    /// </summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Retry, timeout, circuit-breaker and rate-limit settings for every service.</summary>
    public AwsResilienceOptions Resilience { get; set; } = new();

    /// <summary>Replacement resilience settings for single services, keyed by <see cref="AwsService.Id"/>.</summary>
    public Dictionary<string, AwsResilienceOptions> ServiceResilience { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public AwsResilienceOptions ResilienceFor(AwsService service) =>
        ServiceResilience.TryGetValue(service.Id, out var specific) ? specific : Resilience;
}
