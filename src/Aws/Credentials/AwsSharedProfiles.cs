using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Microsoft.Extensions.Options;

namespace Skyforge.Aws.Credentials;

/// <summary>
/// The shared config/credentials profile in effect (<c>--profile</c>, else <c>AWS_PROFILE</c>, else <c>default</c>),
/// read through AWSSDK.Core's profile store. <c>AWS_SHARED_CREDENTIALS_FILE</c> relocates the credentials file.
/// </summary>
public sealed class AwsSharedProfiles
{
    private const string DefaultProfileName = "default";

    private readonly Lazy<CredentialProfileStoreChain> _store;

    public AwsSharedProfiles(IOptions<AwsOptions> options, AwsEnvironment environment)
    {
        ExplicitProfileName = options.Value.Profile;
        ProfileName = ExplicitProfileName ?? environment.Get("AWS_PROFILE") ?? DefaultProfileName;
        var credentialsFile = environment.Get("AWS_SHARED_CREDENTIALS_FILE");
        _store = new Lazy<CredentialProfileStoreChain>(() => credentialsFile is null ? new() : new(credentialsFile));
    }

    /// <summary>The profile named by <c>--profile</c>, if any.</summary>
    public string? ExplicitProfileName { get; }

    public string ProfileName { get; }

    /// <summary>The active profile, or null when no config or credentials file defines it.</summary>
    public CredentialProfile? ActiveProfile => _store.Value.TryGetProfile(ProfileName, out var profile) ? profile : null;

    public AWSCredentials? ActiveProfileCredentials() =>
        _store.Value.TryGetAWSCredentials(ProfileName, out var credentials) ? credentials : null;
}
