using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Serialization;

namespace Skyforge.Kubernetes.Configuration;

/// <summary>
/// One or more kubeconfig files merged the way kubectl merges <c>KUBECONFIG</c>: for every cluster,
/// user and context name, and for <c>current-context</c>, the first file that sets it wins. Relative
/// file paths (and exec commands containing a path separator) resolve against the file that holds them.
/// </summary>
public sealed class KubeConfig
{
    private KubeConfig(
        IReadOnlyDictionary<string, KubeConfigCluster> clusters,
        IReadOnlyDictionary<string, KubeConfigUser> users,
        IReadOnlyDictionary<string, KubeConfigContext> contexts,
        string? currentContext)
    {
        Clusters = clusters;
        Users = users;
        Contexts = contexts;
        CurrentContext = currentContext;
    }

    public IReadOnlyDictionary<string, KubeConfigCluster> Clusters { get; }

    public IReadOnlyDictionary<string, KubeConfigUser> Users { get; }

    public IReadOnlyDictionary<string, KubeConfigContext> Contexts { get; }

    public string? CurrentContext { get; }

    /// <summary>The files <c>KUBECONFIG</c> names (separated by the platform's path separator), else <c>~/.kube/config</c>.</summary>
    public static IReadOnlyList<string> DefaultPaths(Func<string, string?> environment)
    {
        var variable = environment("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
        }
        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(home, ".kube", "config")];
    }

    /// <summary>Loads and merges files in priority order. Missing files are skipped, as kubectl skips them in KUBECONFIG.</summary>
    /// <exception cref="KubeConfigException">No file exists, or one is malformed.</exception>
    public static KubeConfig LoadFiles(IEnumerable<string> paths)
    {
        var documents = new List<(JsonObject Root, string Source, string Directory)>();
        var tried = new List<string>();
        foreach (var path in paths)
        {
            var fullPath = Path.GetFullPath(path);
            tried.Add(fullPath);
            if (!File.Exists(fullPath))
            {
                continue;
            }
            documents.Add((ParseDocument(File.ReadAllText(fullPath), fullPath), fullPath, Path.GetDirectoryName(fullPath)!));
        }
        return documents.Count > 0
            ? Merge(documents)
            : throw new KubeConfigException($"no kubeconfig found (looked at {string.Join(", ", tried)})");
    }

    /// <summary>Loads exactly one file (an explicit <c>--kubeconfig</c>): it must exist.</summary>
    public static KubeConfig LoadFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return File.Exists(fullPath)
            ? Merge([(ParseDocument(File.ReadAllText(fullPath), fullPath), fullPath, Path.GetDirectoryName(fullPath)!)])
            : throw new KubeConfigException($"kubeconfig {fullPath} does not exist");
    }

    /// <summary>Parses kubeconfig text; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static KubeConfig Parse(string yaml, string baseDirectory) =>
        Merge([(ParseDocument(yaml, "kubeconfig"), "kubeconfig", Path.GetFullPath(baseDirectory))]);

    /// <summary>Resolves a context (the current one when <paramref name="contextName"/> is null) into a client configuration.</summary>
    /// <exception cref="KubeConfigException">The context, its cluster or its user is missing or unusable.</exception>
    public KubernetesClientConfiguration CreateConfiguration(string? contextName, TimeProvider timeProvider)
    {
        var name = contextName ?? CurrentContext
            ?? throw new KubeConfigException("the kubeconfig sets no current-context and no context was given");
        if (!Contexts.TryGetValue(name, out var context))
        {
            throw new KubeConfigException($"context \"{name}\" is not in the kubeconfig");
        }
        if (!Clusters.TryGetValue(context.Cluster, out var cluster))
        {
            throw new KubeConfigException($"context \"{name}\" names cluster \"{context.Cluster}\", which is not in the kubeconfig");
        }
        Users.TryGetValue(context.User, out var user);
        if (user is null && context.User.Length > 0)
        {
            throw new KubeConfigException($"context \"{name}\" names user \"{context.User}\", which is not in the kubeconfig");
        }
        if (string.IsNullOrWhiteSpace(cluster.Server))
        {
            throw new KubeConfigException($"cluster \"{cluster.Name}\" has no server");
        }
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
        {
            throw new KubeConfigException($"cluster \"{cluster.Name}\" has an invalid server URL \"{cluster.Server}\"");
        }
        var authorityPem = cluster.CertificateAuthorityData is not null
            ? DecodeBase64(cluster.CertificateAuthorityData, $"cluster \"{cluster.Name}\" certificate-authority-data")
            : cluster.CertificateAuthorityFile is not null
                ? ReadFile(cluster.CertificateAuthorityFile, $"cluster \"{cluster.Name}\" certificate-authority")
                : null;
        return new KubernetesClientConfiguration
        {
            Server = server,
            TlsServerName = cluster.TlsServerName,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            CertificateAuthorities = authorityPem is null ? null : PemCertificates.LoadAuthorities(authorityPem, $"cluster \"{cluster.Name}\""),
            ClientCertificate = user is null ? null : ClientCertificateOf(user),
            Credentials = user is null ? null : CredentialsOf(user, cluster, authorityPem, timeProvider),
            Namespace = string.IsNullOrEmpty(context.Namespace) ? null : context.Namespace,
            ContextName = name,
        };
    }

    private static X509Certificate2? ClientCertificateOf(KubeConfigUser user)
    {
        var source = $"user \"{user.Name}\"";
        var certificate = user.ClientCertificateData is not null
            ? DecodeBase64(user.ClientCertificateData, $"{source} client-certificate-data")
            : user.ClientCertificateFile is not null ? ReadFile(user.ClientCertificateFile, $"{source} client-certificate") : null;
        var key = user.ClientKeyData is not null
            ? DecodeBase64(user.ClientKeyData, $"{source} client-key-data")
            : user.ClientKeyFile is not null ? ReadFile(user.ClientKeyFile, $"{source} client-key") : null;
        if (certificate is null && key is null)
        {
            return null;
        }
        if (certificate is null || key is null)
        {
            throw new KubeConfigException($"{source} sets a client certificate without a key, or a key without a certificate");
        }
        return PemCertificates.LoadClientCertificate(certificate, key, source);
    }

    private static ICredentialProvider? CredentialsOf(KubeConfigUser user, KubeConfigCluster cluster, string? authorityPem, TimeProvider timeProvider)
    {
        if (user.Exec is not null)
        {
            var clusterInfo = new ExecClusterInfo(
                cluster.Server!,
                authorityPem is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(authorityPem)),
                cluster.InsecureSkipTlsVerify,
                cluster.TlsServerName);
            return new ExecCredentialProvider(user.Exec, clusterInfo, timeProvider);
        }
        if (!string.IsNullOrEmpty(user.Token))
        {
            return new StaticCredentialProvider(new KubernetesCredential { BearerToken = user.Token });
        }
        if (!string.IsNullOrEmpty(user.TokenFile))
        {
            return new TokenFileCredentialProvider(user.TokenFile, timeProvider);
        }
        if (!string.IsNullOrEmpty(user.Username))
        {
            return new StaticCredentialProvider(new KubernetesCredential { Username = user.Username, Password = user.Password ?? "" });
        }
        return null;
    }

    private static KubeConfig Merge(IReadOnlyList<(JsonObject Root, string Source, string Directory)> documents)
    {
        var clusters = new Dictionary<string, KubeConfigCluster>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeConfigUser>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeConfigContext>(StringComparer.Ordinal);
        string? currentContext = null;
        foreach (var (root, source, directory) in documents)
        {
            foreach (var (name, body) in NamedEntries(root, "clusters", "cluster", source))
            {
                clusters.TryAdd(name, ParseCluster(name, body, directory, source));
            }
            foreach (var (name, body) in NamedEntries(root, "users", "user", source))
            {
                users.TryAdd(name, ParseUser(name, body, directory, source));
            }
            foreach (var (name, body) in NamedEntries(root, "contexts", "context", source))
            {
                contexts.TryAdd(name, new KubeConfigContext(name, Text(body, "cluster", source) ?? "", Text(body, "user", source) ?? "", Text(body, "namespace", source)));
            }
            var current = Text(root, "current-context", source);
            if (currentContext is null && !string.IsNullOrEmpty(current))
            {
                currentContext = current;
            }
        }
        return new KubeConfig(clusters, users, contexts, currentContext);
    }

    private static KubeConfigCluster ParseCluster(string name, JsonObject body, string directory, string source) => new()
    {
        Name = name,
        Server = Text(body, "server", source),
        CertificateAuthorityFile = PathIn(directory, Text(body, "certificate-authority", source)),
        CertificateAuthorityData = Text(body, "certificate-authority-data", source),
        InsecureSkipTlsVerify = Flag(body, "insecure-skip-tls-verify", source),
        TlsServerName = Text(body, "tls-server-name", source),
    };

    private static KubeConfigUser ParseUser(string name, JsonObject body, string directory, string source) => new()
    {
        Name = name,
        ClientCertificateFile = PathIn(directory, Text(body, "client-certificate", source)),
        ClientCertificateData = Text(body, "client-certificate-data", source),
        ClientKeyFile = PathIn(directory, Text(body, "client-key", source)),
        ClientKeyData = Text(body, "client-key-data", source),
        Token = Text(body, "token", source),
        TokenFile = PathIn(directory, Text(body, "tokenFile", source)),
        Username = Text(body, "username", source),
        Password = Text(body, "password", source),
        Exec = body["exec"] is JsonObject exec ? ParseExec(exec, directory, source, name) : null,
    };

    private static ExecConfig ParseExec(JsonObject exec, string directory, string source, string userName)
    {
        var command = Text(exec, "command", source);
        if (string.IsNullOrEmpty(command))
        {
            throw new KubeConfigException($"{source}: user \"{userName}\" exec has no command");
        }
        // kubectl resolves a command relative to the kubeconfig only when it names a path; a bare name is looked up on PATH.
        if (command.Contains('/') || command.Contains(Path.DirectorySeparatorChar))
        {
            command = PathIn(directory, command)!;
        }
        var args = exec["args"] is JsonArray argArray ? argArray.Select(arg => ScalarText(arg, source, "exec.args")).ToArray() : [];
        var env = new List<KeyValuePair<string, string>>();
        if (exec["env"] is JsonArray envArray)
        {
            foreach (var entry in envArray)
            {
                if (entry is not JsonObject variable || Text(variable, "name", source) is not { Length: > 0 } variableName)
                {
                    throw new KubeConfigException($"{source}: user \"{userName}\" exec.env entries need a name");
                }
                env.Add(new(variableName, Text(variable, "value", source) ?? ""));
            }
        }
        return new ExecConfig
        {
            ApiVersion = Text(exec, "apiVersion", source)
                ?? throw new KubeConfigException($"{source}: user \"{userName}\" exec has no apiVersion"),
            Command = command,
            Args = args,
            Env = env,
            InstallHint = Text(exec, "installHint", source),
            ProvideClusterInfo = Flag(exec, "provideClusterInfo", source),
            InteractiveMode = Text(exec, "interactiveMode", source),
        };
    }

    private static JsonObject ParseDocument(string yaml, string source)
    {
        JsonNode root;
        try
        {
            root = YamlDocuments.ParseSingle(yaml);
        }
        catch (YamlFormatException ex)
        {
            throw new KubeConfigException($"{source} is not valid YAML: {ex.Message}", ex);
        }
        return root as JsonObject ?? throw new KubeConfigException($"{source} is not a kubeconfig mapping");
    }

    private static IEnumerable<(string Name, JsonObject Body)> NamedEntries(JsonObject root, string listName, string bodyName, string source)
    {
        if (root[listName] is null)
        {
            yield break;
        }
        if (root[listName] is not JsonArray list)
        {
            throw new KubeConfigException($"{source}: {listName} must be a list");
        }
        foreach (var item in list)
        {
            if (item is not JsonObject entry || Text(entry, "name", source) is not { Length: > 0 } name)
            {
                throw new KubeConfigException($"{source}: every entry of {listName} needs a name");
            }
            yield return (name, entry[bodyName] as JsonObject ?? new JsonObject());
        }
    }

    // Plain YAML scalars such as `123` or `true` parse as numbers and booleans; kubeconfig fields are strings.
    private static string? Text(JsonObject obj, string key, string source) =>
        obj[key] is { } node ? ScalarText(node, source, key) : null;

    private static string ScalarText(JsonNode? node, string source, string key) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => throw new KubeConfigException($"{source}: {key} must be a scalar"),
    };

    private static bool Flag(JsonObject obj, string key, string source) => obj[key] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() is JsonValueKind.False => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.String && bool.TryParse(value.GetValue<string>(), out var parsed) => parsed,
        _ => throw new KubeConfigException($"{source}: {key} must be true or false"),
    };

    private static string? PathIn(string directory, string? path) =>
        string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path, directory);

    private static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new KubeConfigException($"{what}: cannot read {path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new KubeConfigException($"{what}: cannot read {path}: {ex.Message}", ex);
        }
    }

    private static string DecodeBase64(string data, string what)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(data));
        }
        catch (FormatException ex)
        {
            throw new KubeConfigException($"{what} is not base64", ex);
        }
    }
}
