using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>The kind of cluster the application runs on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Target>))]
public enum Target
{
    /// <summary>Amazon EKS: ALB ingress through the AWS Load Balancer Controller, gp3 storage, IRSA.</summary>
    [JsonStringEnumMemberName("eks")]
    Eks,

    /// <summary>K3s: Traefik ingress, local-path storage.</summary>
    [JsonStringEnumMemberName("k3s")]
    K3s,
}
