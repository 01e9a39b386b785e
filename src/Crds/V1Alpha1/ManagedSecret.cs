using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>ManagedSecret generates or syncs a secret through AWS Secrets Manager and projects it into a Kubernetes Secret.</summary>
[Kind("ManagedSecret", "managedsecrets", "msec")]
[PrinterColumn(1, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the Kubernetes Secret is in place")]
[PrinterColumn(2, "Phase", "string", ".status.phase", "Current state")]
[PrinterColumn(3, "Secret", "string", ".status.targetSecretName", "Kubernetes Secret written")]
[PrinterColumn(4, "Age", "date", ".metadata.creationTimestamp", "Time since creation")]
public sealed class ManagedSecret : CustomResource<ManagedSecretSpec, ManagedSecretStatus>
{
    public ManagedSecret() => Kind = "ManagedSecret";
}
