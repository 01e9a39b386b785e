namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// The purposes builders ask <see cref="ISecretSource"/> for. A source must return the same value for
/// the same owner and purpose until it is rotated, so the controller can rebuild the desired state at
/// any time without changing a password.
/// </summary>
public static class SecretPurposes
{
    /// <summary>Password of a database's master user (also the in-cluster engine's user).</summary>
    public const string MasterPassword = "master-password";

    /// <summary>Password of the in-cluster MySQL root user, which creates databases and grants them to the master user.</summary>
    public const string RootPassword = "root-password";

    /// <summary>Redis/Valkey AUTH token.</summary>
    public const string AuthToken = "auth-token";

    /// <summary>Password of the in-cluster RabbitMQ user.</summary>
    public const string BrokerPassword = "broker-password";

    /// <summary>Length of generated passwords, tokens and cookies: alphanumeric, so safe in URIs, shells and every engine's rules (MySQL allows at most 41).</summary>
    public const int GeneratedLength = 32;

    /// <summary>One key of a ManagedSecret with source.generate.</summary>
    public static string GeneratedKey(string key) => "key/" + key;
}
