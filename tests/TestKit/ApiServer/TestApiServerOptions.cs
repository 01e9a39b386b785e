namespace Skyforge.TestKit.ApiServer;

/// <summary>How a <see cref="TestApiServer"/> listens and which control-plane behaviour it simulates.</summary>
public sealed record TestApiServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Serve HTTPS with a freshly generated CA (its PEM goes into the kubeconfig).</summary>
    public bool UseTls { get; init; }

    /// <summary>The bearer token clients must send; null generates a random one.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Run the ownerReference garbage collector and namespace cleanup (kube-controller-manager behaviour).
    /// On by default here; real envtest has neither, so turn it off to reproduce envtest exactly.
    /// </summary>
    public bool GarbageCollection { get; init; } = true;

    /// <summary>How many changes the watch history retains; older resourceVersions get 410 Gone.</summary>
    public int WatchHistoryLimit { get; init; } = 10_000;

    /// <summary>How often a watch that allows bookmarks receives one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a watch without timeoutSeconds stays open before the server ends it.</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Namespaces that exist from the start.</summary>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>Clock for timestamps, ages, bookmarks and watch timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
