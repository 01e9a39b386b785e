namespace Skyforge.Operator.Controllers;

/// <summary>
/// One provider of one kind (e.g. ManagedSecret on Secrets Manager): reads and changes the external
/// resource. Every method is idempotent — a retry after a crash finds what the previous attempt made
/// by its deterministic identifier — and none may put a secret value into an exception message.
/// </summary>
public interface IExternalClient<TResource>
    where TResource : class
{
    /// <summary>Reads only: whether the resource exists, whom it belongs to, and whether it matches the spec.</summary>
    Task<ExternalObservation> ObserveAsync(ManagedResourceContext<TResource> context, CancellationToken cancellationToken);

    /// <summary>Creates the resource (or whatever part of it is missing); "already exists" is not a failure.</summary>
    Task CreateAsync(ManagedResourceContext<TResource> context, CancellationToken cancellationToken);

    /// <summary>Changes only what <paramref name="observed"/> shows differs from the spec.</summary>
    Task UpdateAsync(ManagedResourceContext<TResource> context, ExternalObservation observed, CancellationToken cancellationToken);

    /// <summary>Deletes per the deletion policy (Retain never reaches here); returns true once AWS reports it gone.</summary>
    Task<bool> DeleteAsync(ManagedResourceContext<TResource> context, ExternalObservation observed, CancellationToken cancellationToken);
}
