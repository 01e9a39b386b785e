namespace Skyforge.Operator.Builders.DataServices;

/// <summary>Whom the ownership tags of an AWS resource name.</summary>
public enum TaggedOwner
{
    /// <summary>No skyforge.dev/ ownership tag: nobody claimed it (adopting it is an explicit decision).</summary>
    Nobody,

    /// <summary>The tags name the Kubernetes object asking: it may modify and delete the resource.</summary>
    ThisOwner,

    /// <summary>The tags name another cluster, namespace, name or object uid: never modify or delete it.</summary>
    AnotherOwner,
}
