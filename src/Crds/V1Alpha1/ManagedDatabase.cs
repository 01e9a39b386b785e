using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>
/// ManagedDatabase is a relational database (Amazon RDS, Aurora or in-cluster) with its credentials
/// published in a connection Secret.
/// </summary>
[Kind("ManagedDatabase", "manageddatabases", "mdb")]
[PrinterColumn(1, "Engine", "string", ".spec.engine", "Database engine")]
[PrinterColumn(2, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the database accepts connections")]
[PrinterColumn(3, "Phase", "string", ".status.phase", "Current state")]
[PrinterColumn(4, "Endpoint", "string", ".status.endpoint.host", "Writer endpoint")]
[PrinterColumn(5, "Provider", "string", ".spec.provider", "Where it runs", Priority = 1)]
[PrinterColumn(6, "Age", "date", ".metadata.creationTimestamp", "Time since creation")]
public sealed class ManagedDatabase : CustomResource<ManagedDatabaseSpec, ManagedDatabaseStatus>
{
    public ManagedDatabase() => Kind = "ManagedDatabase";
}
