using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Crds.Validation;

internal static class CacheRules
{
    public static void Check(ManagedCacheSpec spec, string path, FieldErrors errors)
    {
        var engine = spec.Engine ?? CacheEngine.Redis;
        if (spec.Version is { } version && !EngineVersions.Matches(version, EngineVersions.Supported(engine)))
        {
            errors.Add($"{path}.version", $"Unsupported value: \"{version}\": {WireName.Of(engine)} versions are {string.Join(", ", EngineVersions.Supported(engine))}");
        }
        if (spec.Snapshot?.Window is { } window && Windows.DailyMinutes(window) < 60)
        {
            errors.Add($"{path}.snapshot.window", $"Invalid value: \"{window}\": the snapshot window must be at least 60 minutes");
        }
        if ((spec.Provider ?? Provider.Aws) == Provider.Aws && spec.Mode == CacheMode.Cluster && (spec.Shards ?? 1) * (1 + (spec.ReplicasPerShard ?? 1)) > 500)
        {
            errors.Add($"{path}.shards", "Invalid value: more than 500 nodes in total (shards x (1 + replicasPerShard)) is beyond ElastiCache's limit");
        }
        if (spec.Mode == CacheMode.Serverless && spec.Snapshot?.Window is not null)
        {
            errors.Add($"{path}.snapshot.window", "Forbidden: serverless caches choose their own snapshot time");
        }
    }
}
