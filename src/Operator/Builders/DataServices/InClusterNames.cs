namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// Names of the Kubernetes objects an in-cluster data service consists of, and of the connection Secret.
/// Each fits the length and charset its kind needs; a name that would not fit is shortened and given a
/// stable hash suffix, so the controller can always find the object again.
/// </summary>
public static class InClusterNames
{
    /// <summary>Pods add "-&lt;10-character revision hash&gt;" to the StatefulSet name in a 63-character label.</summary>
    private const int StatefulSetMaxLength = 52;

    private const int LabelMaxLength = 63;
    private const int SubdomainMaxLength = 253;
    private const int HashLength = 8;
    private const int ContentHashLength = 6;

    public static string StatefulSet(string name) => Dns1035Label(name, StatefulSetMaxLength);

    /// <summary>Headless Service that gives each pod a stable DNS name (&lt;pod&gt;.&lt;service&gt;).</summary>
    public static string HeadlessService(string name) => Dns1035Label(name + "-headless", LabelMaxLength);

    /// <summary>The Service clients connect to.</summary>
    public static string ClientService(string name) => Dns1035Label(name, LabelMaxLength);

    /// <summary>The Service spreading reads over every Redis pod (replicated mode).</summary>
    public static string ReaderService(string name) => Dns1035Label(name + "-readers", LabelMaxLength);

    /// <summary>Secret the engine reads its generated credentials from.</summary>
    public static string CredentialsSecret(string name) => Subdomain(name + "-credentials");

    /// <summary>ConfigMap holding the engine's configuration files.</summary>
    public static string ConfigMap(string name) => Subdomain(name + "-config");

    /// <summary>spec.connectionSecretName, or &lt;name&gt;-connection.</summary>
    public static string ConnectionSecret(string? connectionSecretName, string name) =>
        connectionSecretName ?? Subdomain(name + "-connection");

    /// <summary>
    /// A setup Job (databases, topics, queues) and its ConfigMap: &lt;name&gt;-&lt;purpose&gt;-&lt;hash of
    /// what it does&gt;. A Job's pod template cannot change, so new work gets a new Job under a new name.
    /// </summary>
    public static string Job(string name, string purpose, string content) =>
        Dns1035Label($"{name}-{purpose}", LabelMaxLength - ContentHashLength - 1) + "-" + StableHash.Base32(content, ContentHashLength);

    /// <summary>A label value (at most 63 characters) naming the object.</summary>
    public static string LabelValue(string name) => Shorten(name, LabelMaxLength);

    /// <summary>An RFC 1035 label: starts with a letter, no dots, at most <paramref name="maxLength"/> characters.</summary>
    private static string Dns1035Label(string candidate, int maxLength)
    {
        var label = candidate.Replace('.', '-');
        if (!char.IsAsciiLetterLower(label[0]))
        {
            label = "sf-" + label;
        }
        return Shorten(label, maxLength);
    }

    private static string Subdomain(string candidate) => Shorten(candidate, SubdomainMaxLength);

    private static string Shorten(string candidate, int maxLength) =>
        candidate.Length <= maxLength
            ? candidate
            : candidate[..(maxLength - HashLength - 1)].TrimEnd('-', '.') + "-" + StableHash.Base32(candidate, HashLength);
}
