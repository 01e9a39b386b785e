using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Crds.Validation;

internal static class DatabaseRules
{
    private static readonly HashSet<string> ReservedDatabaseNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "template0", "template1", "rdsadmin", "mysql", "information_schema", "performance_schema", "sys",
    };

    private static readonly Dictionary<DatabaseEngine, string[]> LogTypes = new()
    {
        [DatabaseEngine.Postgres] = ["postgresql", "upgrade", "iam-db-auth-error"],
        [DatabaseEngine.AuroraPostgreSql] = ["postgresql", "iam-db-auth-error"],
        [DatabaseEngine.MySql] = ["audit", "error", "general", "slowquery", "iam-db-auth-error"],
        [DatabaseEngine.AuroraMySql] = ["audit", "error", "general", "slowquery", "iam-db-auth-error", "instance"],
    };

    public static void Check(ManagedDatabaseSpec spec, string path, FieldErrors errors)
    {
        var engine = spec.Engine;
        var engineName = WireName.Of(engine);
        var isAurora = engine is DatabaseEngine.AuroraMySql or DatabaseEngine.AuroraPostgreSql;
        var provider = spec.Provider ?? Provider.Aws;

        if (spec.Version is { } version && !EngineVersions.Matches(version, EngineVersions.Supported(engine)))
        {
            errors.Add($"{path}.version", $"Unsupported value: \"{version}\": {engineName} versions are {string.Join(", ", EngineVersions.Supported(engine))} (with an optional minor version)");
        }

        if (spec.Databases is { } databases)
        {
            for (var i = 0; i < databases.Count; i++)
            {
                if (ReservedDatabaseNames.Contains(databases[i]))
                {
                    errors.Add($"{path}.databases[{i}]", $"Invalid value: \"{databases[i]}\": the name is reserved by the engine");
                }
            }
        }

        if (provider == Provider.InCluster)
        {
            if ((spec.Replicas ?? 0) > 0)
            {
                errors.Add($"{path}.replicas", $"Invalid value: {spec.Replicas}: read replicas need provider aws; in-cluster databases run one instance");
            }
            if (spec.HighAvailability == true)
            {
                errors.Add($"{path}.highAvailability", "Invalid value: true: high availability needs provider aws (Multi-AZ or Aurora readers)");
            }
            return;
        }

        if (spec.Backup?.RetentionDays == 0 && isAurora)
        {
            errors.Add($"{path}.backup.retentionDays", "Invalid value: 0: Aurora keeps backups for at least 1 day");
        }
        if (spec.Backup?.Window is { } backupWindow)
        {
            if (Windows.DailyMinutes(backupWindow) < 30)
            {
                errors.Add($"{path}.backup.window", $"Invalid value: \"{backupWindow}\": the backup window must be at least 30 minutes");
            }
            if (spec.MaintenanceWindow is { } maintenance && Windows.Overlap(backupWindow, maintenance))
            {
                errors.Add($"{path}.backup.window", $"Invalid value: \"{backupWindow}\": overlaps maintenanceWindow \"{maintenance}\"");
            }
        }
        if (spec.MaintenanceWindow is { } maintenanceWindow && Windows.WeeklyMinutes(maintenanceWindow) < 30)
        {
            errors.Add($"{path}.maintenanceWindow", $"Invalid value: \"{maintenanceWindow}\": the maintenance window must be at least 30 minutes");
        }

        if (spec.Monitoring?.LogExports is { } exports)
        {
            var allowed = LogTypes[engine];
            for (var i = 0; i < exports.Count; i++)
            {
                if (!allowed.Contains(exports[i]))
                {
                    errors.Add($"{path}.monitoring.logExports[{i}]", $"Unsupported value: \"{exports[i]}\": supported values for {engineName}: {string.Join(", ", allowed.Select(a => $"\"{a}\""))}");
                }
            }
        }

        if (spec.Storage?.Iops is { } iops && spec.Storage.Type is StorageType.Gp3 && (spec.Storage.SizeGiB ?? 20) < 400)
        {
            errors.Add($"{path}.storage.iops", $"Invalid value: {iops}: gp3 volumes below 400 GiB have fixed baseline IOPS; remove iops or raise sizeGiB");
        }
        if (spec.Storage?.Type is StorageType.Io1 or StorageType.Io2 && spec.Storage.Iops is null)
        {
            errors.Add($"{path}.storage.iops", $"Required value: {WireName.Of(spec.Storage.Type.Value)} storage needs iops");
        }

        if (spec.Network?.SubnetIds is { Count: 1 })
        {
            errors.Add($"{path}.network.subnetIds", "Invalid value: 1 subnet: RDS subnet groups need subnets in at least two availability zones");
        }
    }
}
