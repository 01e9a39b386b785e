using Skyforge.Aws;
using Skyforge.Runtime.LeaderElection;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// The fault matrix runs the production code with the intervals that set how fast it recovers scaled down together, so
/// "within two drift intervals" means the same thing here as in a cluster: drift 10 min -> 4 s, transition requeue
/// 15 s -> 0.5 s, AWS circuit break 30 s -> 1 s, AWS attempt timeout 30 s -> 2 s, lease 15/10/2 s -> 3/2/0.5 s.
/// Everything else (work-queue backoff, informer reconnect backoff, Kubernetes client retries) keeps its production value.
/// </summary>
internal static class FaultMatrixTimings
{
    public static readonly TimeSpan DriftInterval = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan TransitionInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The goal for every row: converged within two drift intervals after the fault clears.</summary>
    public static readonly TimeSpan ConvergenceBound = DriftInterval * 2;

    public static AwsResilienceOptions AwsResilience() => new()
    {
        MaxRetryAttempts = 4,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromSeconds(2),
        CircuitBreakerBreakDuration = TimeSpan.FromSeconds(1),
        RequestsPerSecond = 0,
    };

    public static LeaderElectionOptions Election(string identity) => new()
    {
        LeaseName = OperatorReplica.LeaseName,
        LeaseNamespace = OperatorReplica.LeaseNamespace,
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(3),
        RenewDeadline = TimeSpan.FromSeconds(2),
        RetryPeriod = TimeSpan.FromMilliseconds(500),
    };
}
