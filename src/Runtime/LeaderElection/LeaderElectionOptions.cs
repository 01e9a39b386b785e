namespace Skyforge.Runtime.LeaderElection;

/// <summary>
/// Lease-based leader election settings (client-go's defaults). The renew deadline is shorter than
/// the lease so that a leader which cannot renew stops before anyone else may take over.
/// </summary>
public sealed record LeaderElectionOptions
{
    public required string LeaseName { get; init; }

    public required string LeaseNamespace { get; init; }

    /// <summary>Unique per process, e.g. pod name plus a random suffix.</summary>
    public required string Identity { get; init; }

    /// <summary>How long others wait after the last renewal they saw before taking over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leadership.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause between attempts to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>On a clean stop, empty the lease so a standby takes over without waiting for expiry.</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    /// <exception cref="ArgumentException">The durations would let two leaders overlap.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LeaseName);
        ArgumentException.ThrowIfNullOrWhiteSpace(LeaseNamespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(Identity);
        if (RetryPeriod <= TimeSpan.Zero || RenewDeadline <= RetryPeriod || LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException("leader election needs 0 < retry period < renew deadline < lease duration");
        }
    }
}
