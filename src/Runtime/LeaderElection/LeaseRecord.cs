namespace Skyforge.Runtime.LeaderElection;

/// <summary>The leader-election view of a Lease's spec.</summary>
public sealed record LeaseRecord(string? HolderIdentity, TimeSpan LeaseDuration, DateTimeOffset? AcquireTime, DateTimeOffset? RenewTime, int Transitions);

/// <summary>A lease as read, with the version an update must match.</summary>
public sealed record ObservedLease(LeaseRecord Record, string Version);
