using Skyforge.Kubernetes.Configuration;

namespace Skyforge.Kubernetes;

/// <summary>How the client finds its cluster and how it behaves towards the API server.</summary>
public sealed class KubernetesClientOptions
{
    /// <summary>An explicit kubeconfig file (<c>--kubeconfig</c>); otherwise KUBECONFIG, in-cluster, then <c>~/.kube/config</c>.</summary>
    public string? KubeConfigPath { get; set; }

    /// <summary>An explicit context (<c>--context</c>); otherwise the kubeconfig's current context.</summary>
    public string? Context { get; set; }

    /// <summary>A ready configuration (tests, embedding); when set, nothing is loaded.</summary>
    public KubernetesClientConfiguration? Configuration { get; set; }

    /// <summary>Sustained requests per second; non-positive disables client-side limiting.</summary>
    public double Qps { get; set; } = 50;

    /// <summary>Requests allowed in a burst above <see cref="Qps"/>.</summary>
    public int Burst { get; set; } = 100;

    /// <summary>Limit for one non-watch request, including reading its body.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a request answered 429 (or 5xx with Retry-After) is retried before the error surfaces.</summary>
    public int MaxThrottleRetries { get; set; } = 5;

    /// <summary>The longest single wait a Retry-After can impose.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Used when the server names no Retry-After.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    public string UserAgent { get; set; } = "skyforge-kubernetes-client";

    /// <summary>The fieldManager of writes that name none; server-side apply needs one.</summary>
    public string? FieldManager { get; set; }
}
