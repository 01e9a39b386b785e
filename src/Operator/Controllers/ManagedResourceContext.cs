using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Controllers;

/// <summary>What a provider gets for one reconcile of one resource.</summary>
/// <param name="Resource">The object as the informer cache holds it, schema defaults applied.</param>
/// <param name="Identity">Namespace, name and uid: the input of every AWS identifier and ownership tag.</param>
/// <param name="Build">Operator-wide settings (cluster name, default region and provider).</param>
/// <param name="FreshRead">
/// True when batched caches must not answer: the resource is changing, or a user asked for a
/// reconcile through the skyforge.dev/reconcile-requested-at annotation.
/// </param>
public sealed record ManagedResourceContext<TResource>(TResource Resource, ResourceIdentity Identity, BuildContext Build, bool FreshRead)
    where TResource : class;
