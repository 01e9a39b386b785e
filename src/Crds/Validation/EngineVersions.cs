using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Crds.Validation;

/// <summary>Major versions each engine offers, so a typo such as postgres 8.0 fails before any AWS call.</summary>
public static class EngineVersions
{
    private static readonly Dictionary<DatabaseEngine, string[]> DatabaseMajors = new()
    {
        [DatabaseEngine.Postgres] = ["11", "12", "13", "14", "15", "16", "17"],
        [DatabaseEngine.MySql] = ["5.7", "8.0", "8.4"],
        [DatabaseEngine.AuroraPostgreSql] = ["11", "12", "13", "14", "15", "16", "17"],
        [DatabaseEngine.AuroraMySql] = ["5.7", "8.0"],
    };

    private static readonly Dictionary<CacheEngine, string[]> CacheMajors = new()
    {
        [CacheEngine.Redis] = ["6.0", "6.2", "7.0", "7.1"],
        [CacheEngine.Valkey] = ["7.2", "8.0", "8.1"],
    };

    private static readonly Dictionary<BusEngine, string[]> BusMajors = new()
    {
        [BusEngine.Kafka] = ["2.8", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9"],
        [BusEngine.RabbitMq] = ["3.11", "3.12", "3.13", "4.0"],
    };

    public static IReadOnlyList<string> Supported(DatabaseEngine engine) => DatabaseMajors[engine];

    public static IReadOnlyList<string> Supported(CacheEngine engine) => CacheMajors[engine];

    public static IReadOnlyList<string> Supported(BusEngine engine) => BusMajors[engine];

    /// <summary>Whether a version (e.g. 16.3, 8.0.35, 7.1) belongs to one of the listed major versions.</summary>
    public static bool Matches(string version, IReadOnlyList<string> majors) =>
        majors.Any(major => version == major || version.StartsWith(major + ".", StringComparison.Ordinal)
            || (major.IndexOf('.', StringComparison.Ordinal) < 0 && version.StartsWith(major + "-", StringComparison.Ordinal)));
}
