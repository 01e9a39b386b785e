using Skyforge.Runtime.LeaderElection;

namespace Skyforge.Operator.Tests.Runtime;

/// <summary>One lease shared by several candidates; a candidate can be cut off as if its network failed.</summary>
public sealed class InMemoryLeaseStore
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _cutOff = [];
    private LeaseRecord? _record;
    private long _version;

    public LeaseRecord? Current
    {
        get
        {
            lock (_gate)
            {
                return _record;
            }
        }
    }

    public ILeaseLock For(string identity) => new View(this, identity);

    public void CutOff(string identity)
    {
        lock (_gate)
        {
            _cutOff.Add(identity);
        }
    }

    private sealed class View(InMemoryLeaseStore store, string identity) : ILeaseLock
    {
        public string Description => "leases/test/lock";

        public Task<ObservedLease?> GetAsync(CancellationToken cancellationToken)
        {
            lock (store._gate)
            {
                ThrowIfCutOff();
                return Task.FromResult(store._record is null ? null : new ObservedLease(store._record, store._version.ToString()));
            }
        }

        public Task<bool> TryCreateAsync(LeaseRecord record, CancellationToken cancellationToken)
        {
            lock (store._gate)
            {
                ThrowIfCutOff();
                if (store._record is not null)
                {
                    return Task.FromResult(false);
                }
                store._record = record;
                store._version++;
                return Task.FromResult(true);
            }
        }

        public Task<bool> TryUpdateAsync(LeaseRecord record, string version, CancellationToken cancellationToken)
        {
            lock (store._gate)
            {
                ThrowIfCutOff();
                if (store._version.ToString() != version)
                {
                    return Task.FromResult(false);
                }
                store._record = record;
                store._version++;
                return Task.FromResult(true);
            }
        }

        private void ThrowIfCutOff()
        {
            if (store._cutOff.Contains(identity))
            {
                throw new HttpRequestException("connection refused");
            }
        }
    }
}
