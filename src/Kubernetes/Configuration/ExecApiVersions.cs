namespace Skyforge.Kubernetes.Configuration;

/// <summary>The ExecCredential API versions the client speaks.</summary>
public static class ExecApiVersions
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";
}
