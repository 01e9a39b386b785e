using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>What an in-cluster engine's StatefulSet needs; <see cref="InClusterWorkloads"/> turns it into objects.</summary>
internal sealed record EngineWorkload
{
    public required DataServiceIdentity Identity { get; init; }

    /// <summary>app.kubernetes.io/name of the engine: postgres, mysql, redis, valkey, kafka, rabbitmq.</summary>
    public required string Engine { get; init; }

    /// <summary>app.kubernetes.io/component: database, cache, message-bus.</summary>
    public required string Component { get; init; }

    public required InClusterImage Image { get; init; }

    public required int Replicas { get; init; }

    /// <summary>Start all pods at once: peers that need each other to become ready (a KRaft quorum) cannot start one by one.</summary>
    public bool StartInParallel { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Arguments to the image's entrypoint (or to <see cref="Command"/>).</summary>
    public IReadOnlyList<string>? Args { get; init; }

    public required IReadOnlyList<JsonObject> Env { get; init; }

    public required IReadOnlyList<(string Name, int Number)> Ports { get; init; }

    public required JsonObject ReadinessProbe { get; init; }

    public required JsonObject LivenessProbe { get; init; }

    /// <summary>Where the persistent volume is mounted.</summary>
    public required string DataPath { get; init; }

    public required int StorageGiB { get; init; }

    /// <summary>Volumes besides the data volume: emptyDirs for the paths the engine writes, ConfigMaps, Secrets.</summary>
    public IReadOnlyList<(JsonObject Volume, JsonObject Mount)> ExtraVolumes { get; init; } = [];

    public InClusterResources? Resources { get; init; }

    /// <summary>A digest of the configuration files, as a pod annotation, so changing them rolls the pods.</summary>
    public string? ConfigDigest { get; init; }

    /// <summary>
    /// Delete the volumes when the StatefulSet is deleted with its resource (deletionPolicy Delete); Retain
    /// and Snapshot keep them, since in-cluster engines have no snapshot to take first.
    /// </summary>
    public required bool DeleteVolumesWithResource { get; init; }

    public int TerminationGracePeriodSeconds { get; init; } = 60;
}
