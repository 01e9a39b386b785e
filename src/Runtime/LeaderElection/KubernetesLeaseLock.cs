using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Typed;

namespace Skyforge.Runtime.LeaderElection;

/// <summary>A coordination.k8s.io/v1 Lease as the election's register; resourceVersion provides the compare-and-swap.</summary>
public sealed class KubernetesLeaseLock : ILeaseLock
{
    private readonly ResourceClient<Lease> _leases;
    private readonly string _namespace;
    private readonly string _name;

    public KubernetesLeaseLock(IKubernetesClient client, string @namespace, string name)
    {
        _leases = client.Resource(TypedResources.Leases);
        _namespace = @namespace;
        _name = name;
    }

    public string Description => $"leases/{_namespace}/{_name}";

    public async Task<ObservedLease?> GetAsync(CancellationToken cancellationToken)
    {
        var lease = await _leases.TryGetAsync(_namespace, _name, cancellationToken);
        if (lease is null)
        {
            return null;
        }
        var spec = lease.Spec ?? new LeaseSpec();
        var record = new LeaseRecord(
            spec.HolderIdentity,
            TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? 0),
            spec.AcquireTime,
            spec.RenewTime,
            spec.LeaseTransitions ?? 0);
        return new ObservedLease(record, lease.Metadata.ResourceVersion ?? "");
    }

    public async Task<bool> TryCreateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _leases.CreateAsync(ToLease(record, null), cancellationToken: cancellationToken);
            return true;
        }
        catch (KubernetesAlreadyExistsException)
        {
            return false;
        }
    }

    public async Task<bool> TryUpdateAsync(LeaseRecord record, string version, CancellationToken cancellationToken)
    {
        try
        {
            await _leases.UpdateAsync(ToLease(record, version), cancellationToken: cancellationToken);
            return true;
        }
        catch (KubernetesConflictException)
        {
            return false;
        }
    }

    private Lease ToLease(LeaseRecord record, string? version) => new()
    {
        Metadata = new ObjectMeta { Name = _name, Namespace = _namespace, ResourceVersion = version },
        Spec = new LeaseSpec
        {
            HolderIdentity = record.HolderIdentity,
            LeaseDurationSeconds = (int)Math.Ceiling(record.LeaseDuration.TotalSeconds),
            AcquireTime = record.AcquireTime is { } acquired ? MicroTimeConverter.Truncate(acquired) : null,
            RenewTime = record.RenewTime is { } renewed ? MicroTimeConverter.Truncate(renewed) : null,
            LeaseTransitions = record.Transitions,
        },
    };
}
