namespace Skyforge.Runtime.LeaderElection;

/// <summary>The storage of the election: a compare-and-swap register.</summary>
public interface ILeaseLock
{
    /// <summary>For logs, e.g. <c>leases/skyforge-system/skyforge-operator</c>.</summary>
    string Description { get; }

    /// <summary>The current lease, or null when none exists yet.</summary>
    Task<ObservedLease?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Creates the lease; false when someone else created it first.</summary>
    Task<bool> TryCreateAsync(LeaseRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces the lease if it is still at <paramref name="version"/>; false when it changed meanwhile.</summary>
    Task<bool> TryUpdateAsync(LeaseRecord record, string version, CancellationToken cancellationToken);
}
