using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders;

/// <summary>What a builder wants to exist: Kubernetes objects to apply and AWS calls to make, each in order.</summary>
public sealed record DesiredState(IReadOnlyList<JsonObject> Objects, IReadOnlyList<AwsCall> AwsCalls)
{
    public static DesiredState Empty { get; } = new([], []);

    public static DesiredState OfObjects(params JsonObject[] objects) => new(objects, []);
}
