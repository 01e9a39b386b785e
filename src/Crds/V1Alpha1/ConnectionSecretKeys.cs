namespace Skyforge.Crds.V1Alpha1;

/// <summary>
/// Keys of the connection Secret each data service publishes (Service Binding for Kubernetes
/// well-known keys plus kind-specific ones). Workloads get them as PREFIX_KEY environment variables.
/// </summary>
public static class ConnectionSecretKeys
{
    public const string Type = "type";
    public const string Provider = "provider";
    public const string Host = "host";
    public const string Port = "port";
    public const string Username = "username";
    public const string Password = "password";
    public const string Database = "database";
    public const string Uri = "uri";
    public const string ReaderHost = "readerHost";
    public const string Engine = "engine";
    public const string ConfigurationEndpoint = "configurationEndpoint";
    public const string Tls = "tls";
    public const string BootstrapServers = "bootstrapServers";
    public const string ManagementUri = "managementUri";

    /// <summary>Keys every connection Secret of the kind holds, and keys it holds only in some configurations.</summary>
    public static (IReadOnlyList<string> Always, IReadOnlyList<string> Sometimes) For(ManagedDatabaseSpec spec) =>
        ([Type, Provider, Host, Port, Username, Password, Database, Uri, Engine], [ReaderHost]);

    public static (IReadOnlyList<string> Always, IReadOnlyList<string> Sometimes) For(ManagedCacheSpec spec) =>
        ([Type, Provider, Host, Port, Uri, Tls], [Password, ReaderHost, ConfigurationEndpoint]);

    public static (IReadOnlyList<string> Always, IReadOnlyList<string> Sometimes) For(MessageBusSpec spec) =>
        spec.Engine == BusEngine.Kafka
            ? ([Type, Provider, Host, Port, Uri, BootstrapServers], [Username, Password])
            : ([Type, Provider, Host, Port, Username, Password, Uri, ManagementUri], []);

    /// <summary>Environment variable name for a key: prefix + upper snake case (readerHost -> PREFIX_READER_HOST).</summary>
    public static string EnvName(string prefix, string key)
    {
        var builder = new System.Text.StringBuilder(prefix.Length + key.Length + 4);
        builder.Append(prefix).Append('_');
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsAsciiLetterUpper(c) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(c is '-' or '.' ? '_' : char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The default prefix for a data service: its name upper-cased with dashes as underscores.</summary>
    public static string DefaultPrefix(string name) => name.ToUpperInvariant().Replace('-', '_');
}
