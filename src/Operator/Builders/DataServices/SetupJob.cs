using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>What a setup Job runs; <see cref="InClusterWorkloads.SetupJob"/> turns it into a Job.</summary>
internal sealed record SetupJob
{
    public required DataServiceIdentity Identity { get; init; }

    public required string Name { get; init; }

    /// <summary>app.kubernetes.io/name of the engine the Job works on.</summary>
    public required string Engine { get; init; }

    /// <summary>app.kubernetes.io/component, distinct from the engine's so its Services never select the Job's pod.</summary>
    public required string Component { get; init; }

    public required string ContainerName { get; init; }

    public required InClusterImage Image { get; init; }

    public required IReadOnlyList<string> Command { get; init; }

    public required IReadOnlyList<JsonObject> Env { get; init; }

    public required IReadOnlyList<(JsonObject Volume, JsonObject Mount)> Volumes { get; init; }

    public IReadOnlyList<JsonObject> InitContainers { get; init; } = [];
}
