using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Skyforge.Aws.Credentials;

/// <summary>
/// Supplies signing credentials through AWSSDK.Core: an explicit <c>--profile</c>; IRSA web identity
/// (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c>, exchanged at the resolved STS endpoint) unless
/// static keys are in the environment; otherwise the SDK default chain (environment, shared profile, web
/// identity, ECS/EKS container credentials, EC2 IMDSv2). The SDK objects cache and refresh temporary credentials.
/// </summary>
public sealed class AwsCredentialsProvider
{
    private readonly Lazy<ResolvedCredentials> _resolved;

    public AwsCredentialsProvider(AwsEnvironment environment, AwsSharedProfiles profiles, AwsRegionResolver regions, AwsEndpointResolver endpoints)
    {
        _resolved = new Lazy<ResolvedCredentials>(() => Resolve(environment, profiles, regions, endpoints), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Where the credentials come from, for diagnostics (never the credentials themselves).</summary>
    public string Source => _resolved.Value.Source;

    /// <exception cref="AwsConfigurationException">No credential source produced credentials.</exception>
    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var resolved = _resolved.Value;
        ImmutableCredentials? credentials;
        try
        {
            credentials = await resolved.Credentials.GetCredentialsAsync().WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is AmazonClientException or InvalidOperationException or IOException)
        {
            throw new AwsConfigurationException($"AWS credentials from {resolved.Source} could not be obtained: {exception.GetType().Name}.", exception);
        }
        if (credentials is null || string.IsNullOrEmpty(credentials.AccessKey))
        {
            throw new AwsConfigurationException($"AWS credentials from {resolved.Source} are empty.");
        }
        return credentials;
    }

    private static ResolvedCredentials Resolve(AwsEnvironment environment, AwsSharedProfiles profiles, AwsRegionResolver regions, AwsEndpointResolver endpoints)
    {
        if (profiles.ExplicitProfileName is { } profileName)
        {
            var credentials = profiles.ActiveProfileCredentials()
                ?? throw new AwsConfigurationException($"AWS profile '{profileName}' was not found or holds no credentials.");
            return new ResolvedCredentials(credentials, $"profile '{profileName}'");
        }

        var tokenFile = environment.Get(AssumeRoleWithWebIdentityCredentials.WebIdentityTokenFileEnvVariable);
        var roleArn = environment.Get(AssumeRoleWithWebIdentityCredentials.RoleArnEnvVariable);
        if (tokenFile is not null && roleArn is not null && environment.Get("AWS_ACCESS_KEY_ID") is null)
        {
            var stsEndpoint = endpoints.IsOverridden(AwsService.Sts) ? endpoints.Resolve(AwsService.Sts) : null;
            var sessionName = environment.Get(AssumeRoleWithWebIdentityCredentials.RoleSessionNameEnvVariable);
            var credentials = new EndpointAwareWebIdentityCredentials(tokenFile, roleArn, sessionName, regions.Region, stsEndpoint);
            return new ResolvedCredentials(credentials, $"web identity token file for role {roleArn}");
        }

        try
        {
            var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
            return new ResolvedCredentials(credentials, $"AWS SDK default chain ({credentials.GetType().Name})");
        }
        catch (AmazonClientException exception)
        {
            throw new AwsConfigurationException(
                "No AWS credentials found (environment, profile, web identity, container or instance metadata).", exception);
        }
    }

    private sealed record ResolvedCredentials(AWSCredentials Credentials, string Source);
}
