using System.Collections.Concurrent;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Tests.Controllers;

/// <summary>An external client whose answers a test sets, recording every call and the context it got.</summary>
internal sealed class FakeExternalClient : IExternalClient<ManagedSecret>
{
    public Func<ManagedResourceContext<ManagedSecret>, ExternalObservation> Observe { get; set; } = _ => ExternalObservation.Absent;

    public Func<bool> Delete { get; set; } = () => true;

    /// <summary>Runs when Create is called, e.g. to check what the cluster holds at that moment.</summary>
    public Action<ManagedResourceContext<ManagedSecret>> OnCreate { get; set; } = _ => { };

    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<ManagedResourceContext<ManagedSecret>> Contexts { get; } = new();

    public Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedSecret> context, CancellationToken cancellationToken)
    {
        Calls.Enqueue("observe");
        Contexts.Enqueue(context);
        return Task.FromResult(Observe(context));
    }

    public Task CreateAsync(ManagedResourceContext<ManagedSecret> context, CancellationToken cancellationToken)
    {
        Calls.Enqueue("create");
        OnCreate(context);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(ManagedResourceContext<ManagedSecret> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        Calls.Enqueue("update");
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(ManagedResourceContext<ManagedSecret> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        Calls.Enqueue("delete");
        return Task.FromResult(Delete());
    }
}
