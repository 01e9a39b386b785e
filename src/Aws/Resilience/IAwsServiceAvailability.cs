namespace Skyforge.Aws.Resilience;

/// <summary>Whether a service's circuit breaker currently rejects calls, so callers can report it as unavailable.</summary>
public interface IAwsServiceAvailability
{
    bool IsCircuitOpen(AwsService service);
}
