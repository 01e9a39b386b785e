namespace Skyforge.Operator.Hosting.Settings;

/// <summary>
/// Token buckets the operator puts on its own API calls, so that a burst of work (thousands of objects applied at
/// once) never floods the API server or trips AWS throttling. Raise them for large fleets on a roomy control plane.
/// </summary>
/// <param name="KubernetesQps">Sustained Kubernetes requests per second.</param>
/// <param name="KubernetesBurst">Kubernetes requests allowed at once above the sustained rate.</param>
/// <param name="AwsQps">Sustained AWS requests per second, per service and region.</param>
/// <param name="AwsBurst">AWS requests allowed at once above the sustained rate, per service and region.</param>
public sealed record ApiRateLimits(double KubernetesQps = 50, int KubernetesBurst = 100, double AwsQps = 20, int AwsBurst = 40);
