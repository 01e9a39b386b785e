using System.Globalization;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// The values a ManagedDatabase spec means where the CRD schema cannot default them (they depend on the
/// engine or on other fields). Builders and controllers read the spec through these.
/// </summary>
public static class EffectiveDatabase
{
    /// <summary>Engines listen on their usual port; RDS and Aurora are created with it too.</summary>
    private const int PostgresPort = 5432;

    private const int MySqlPort = 3306;

    /// <summary>The smallest instance class Aurora offers (db.t4g.micro is RDS-only).</summary>
    private const string AuroraDefaultInstanceClass = "db.t4g.medium";

    private const string RdsDefaultInstanceClass = "db.t4g.micro";

    /// <summary>What Aurora Serverless v2 writers and readers run as.</summary>
    public const string ServerlessInstanceClass = "db.serverless";

    /// <summary>In-cluster volume when neither resources.storageGiB nor storage.sizeGiB says otherwise.</summary>
    private const int InClusterDefaultStorageGiB = 10;

    /// <summary>spec.provider; when unset, aws for Aurora (it exists nowhere else) and the operator's default provider otherwise.</summary>
    public static Provider Provider(ManagedDatabaseSpec spec, BuildContext context) =>
        spec.Provider ?? (IsAurora(spec) ? Crds.V1Alpha1.Provider.Aws : context.DefaultProvider);

    public static bool IsAurora(ManagedDatabaseSpec spec) =>
        spec.Engine is DatabaseEngine.AuroraPostgreSql or DatabaseEngine.AuroraMySql;

    /// <summary>Whether the engine speaks PostgreSQL (postgres, aurora-postgresql) rather than MySQL.</summary>
    public static bool IsPostgres(ManagedDatabaseSpec spec) =>
        spec.Engine is DatabaseEngine.Postgres or DatabaseEngine.AuroraPostgreSql;

    /// <summary>The engine as AWS and manifests spell it: postgres, mysql, aurora-postgresql, aurora-mysql.</summary>
    public static string EngineName(ManagedDatabaseSpec spec) => WireName.Of(spec.Engine);

    /// <summary>
    /// spec.version, or the engine's current major version: 16 for postgres and aurora-postgresql, 8.0
    /// for mysql and aurora-mysql. Given a major version, RDS and Aurora create the default minor release
    /// of that line (CreateDBCluster documents 8.0 as "the default Aurora MySQL version 3"), so the default
    /// never names a minor release AWS has retired; the official images have the same tags.
    /// </summary>
    public static string Version(ManagedDatabaseSpec spec) => spec.Version ?? (IsPostgres(spec) ? "16" : "8.0");

    /// <summary>
    /// db.serverless for Aurora Serverless v2; otherwise spec.instanceClass, or db.t4g.micro for RDS and
    /// db.t4g.medium for Aurora (the smallest class Aurora runs on).
    /// </summary>
    public static string InstanceClass(ManagedDatabaseSpec spec) =>
        spec.Serverless is not null ? ServerlessInstanceClass
        : spec.InstanceClass ?? (IsAurora(spec) ? AuroraDefaultInstanceClass : RdsDefaultInstanceClass);

    /// <summary>
    /// spec.databases, or one database named after the resource with the characters database names do
    /// not allow turned into underscores (wallet-db -> wallet_db).
    /// </summary>
    public static IReadOnlyList<string> Databases(ManagedDatabaseSpec spec, string resourceName) =>
        spec.Databases is { Count: > 0 } databases ? databases : [DatabaseNameFor(resourceName)];

    /// <summary>spec.masterUsername, default dbadmin.</summary>
    public static string MasterUsername(ManagedDatabaseSpec spec) => spec.MasterUsername ?? "dbadmin";

    /// <summary>5432 for PostgreSQL engines, 3306 for MySQL engines.</summary>
    public static int Port(ManagedDatabaseSpec spec) => IsPostgres(spec) ? PostgresPort : MySqlPort;

    /// <summary>The Service Binding type: postgresql or mysql.</summary>
    public static string BindingType(ManagedDatabaseSpec spec) => IsPostgres(spec) ? "postgresql" : "mysql";

    /// <summary>
    /// The (cluster) parameter group family: postgres16, mysql8.0, aurora-postgresql16, aurora-mysql8.0
    /// (PostgreSQL before 10 used major.minor: postgres9.6).
    /// </summary>
    public static string ParameterGroupFamily(ManagedDatabaseSpec spec)
    {
        var parts = Version(spec).Split('.', '-');
        var major = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var majorMinor = parts.Length > 1 ? $"{parts[0]}.{parts[1]}" : $"{parts[0]}.0";
        return spec.Engine switch
        {
            DatabaseEngine.Postgres => "postgres" + (major >= 10 ? parts[0] : majorMinor),
            DatabaseEngine.AuroraPostgreSql => "aurora-postgresql" + (major >= 10 ? parts[0] : majorMinor),
            DatabaseEngine.MySql => "mysql" + majorMinor,
            _ => "aurora-mysql" + majorMinor,
        };
    }

    /// <summary>
    /// RDS read replicas, or Aurora readers. An Aurora cluster with highAvailability and no replicas gets
    /// one reader, because Aurora's failover target is a reader in another zone.
    /// </summary>
    public static int Replicas(ManagedDatabaseSpec spec)
    {
        var replicas = spec.Replicas ?? 0;
        return IsAurora(spec) && spec.HighAvailability == true ? Math.Max(replicas, 1) : replicas;
    }

    /// <summary>RDS Multi-AZ standby (RDS engines only; Aurora's counterpart is <see cref="Replicas"/>).</summary>
    public static bool MultiAz(ManagedDatabaseSpec spec) => !IsAurora(spec) && spec.HighAvailability == true;

    /// <summary>backup.retentionDays (default 7); Aurora keeps at least one day, so 0 becomes 1 there.</summary>
    public static int BackupRetentionDays(ManagedDatabaseSpec spec)
    {
        var days = spec.Backup?.RetentionDays ?? 7;
        return IsAurora(spec) ? Math.Max(days, 1) : days;
    }

    /// <summary>monitoring.intervalSeconds, default 0 (Enhanced Monitoring off).</summary>
    public static int MonitoringIntervalSeconds(ManagedDatabaseSpec spec) => spec.Monitoring?.IntervalSeconds ?? 0;

    /// <summary>spec.region or the operator's default region.</summary>
    public static string Region(ManagedDatabaseSpec spec, BuildContext context) => spec.Region ?? context.DefaultRegion;

    /// <summary>In-cluster volume: resources.storageGiB, else storage.sizeGiB, else 10 GiB.</summary>
    public static int InClusterStorageGiB(ManagedDatabaseSpec spec) =>
        spec.Resources?.StorageGiB ?? spec.Storage?.SizeGiB ?? InClusterDefaultStorageGiB;

    private static string DatabaseNameFor(string resourceName)
    {
        var name = new string(resourceName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (!char.IsAsciiLetter(name[0]))
        {
            name = "db_" + name;
        }
        return name.Length <= 63 ? name : name[..63];
    }
}
