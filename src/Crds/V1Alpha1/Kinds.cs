namespace Skyforge.Crds.V1Alpha1;

/// <summary>The CLR types of every Skyforge kind, in the order the CRDs are generated and documented.</summary>
public static class Kinds
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(AppPlatform),
        typeof(ManagedDatabase),
        typeof(ManagedCache),
        typeof(MessageBus),
        typeof(ManagedSecret),
    ];
}
