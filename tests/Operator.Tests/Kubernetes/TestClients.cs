using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;

namespace Skyforge.Operator.Tests.Kubernetes;

/// <summary>Clients wired to a <see cref="StubHttpHandler"/>.</summary>
public static class TestClients
{
    public static readonly Uri Server = new("https://api.test.local:6443");

    public static KubernetesClient Create(
        StubHttpHandler handler,
        TimeProvider? timeProvider = null,
        KubernetesClientOptions? options = null,
        ICredentialProvider? credentials = null,
        Skyforge.Kubernetes.Http.KubernetesClientMetrics? metrics = null) =>
        new(
            new KubernetesClientConfiguration
            {
                Server = Server,
                Credentials = credentials ?? new StaticCredentialProvider(new KubernetesCredential { BearerToken = "test-token" }),
                Namespace = "default",
            },
            options ?? new KubernetesClientOptions { Qps = 0, FieldManager = "unit-tests" },
            timeProvider,
            metrics: metrics,
            transport: handler);
}
