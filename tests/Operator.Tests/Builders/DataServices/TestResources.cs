using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Tests.Builders.DataServices;

/// <summary>Resources as the API server hands them to the operator: named, namespaced, with a uid.</summary>
internal static class TestResources
{
    public static readonly BuildContext Context = new("prod-eks", "ap-south-1", Provider.Aws);

    public static ManagedDatabase Database(string name, ManagedDatabaseSpec spec, string ns = "shop") =>
        new() { Metadata = Metadata(name, ns), Spec = spec };

    public static ManagedCache Cache(string name, ManagedCacheSpec spec, string ns = "shop") =>
        new() { Metadata = Metadata(name, ns), Spec = spec };

    public static MessageBus Bus(string name, MessageBusSpec spec, string ns = "shop") =>
        new() { Metadata = Metadata(name, ns), Spec = spec };

    public static ManagedSecret Secret(string name, ManagedSecretSpec spec, string ns = "shop") =>
        new() { Metadata = Metadata(name, ns), Spec = spec };

    public static ResourceIdentity Identity(string kind, string name, string ns = "shop") =>
        new(Group.ApiVersion, kind, ns, name, UidOf(ns, name));

    public static NetworkSpec Network(params string[] subnets) => new()
    {
        SubnetIds = [.. subnets],
        SecurityGroupIds = ["sg-0a1b2c3d4e5f67890"],
    };

    private static ObjectMeta Metadata(string name, string ns) => new() { Name = name, Namespace = ns, Uid = UidOf(ns, name) };

    private static string UidOf(string ns, string name) => new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ns + "/" + name)).AsSpan(0, 16)).ToString();
}
