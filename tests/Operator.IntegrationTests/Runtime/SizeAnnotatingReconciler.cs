using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Errors;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>
/// Keeps the annotation <see cref="Annotation"/> of each Gadget at twice its spec size with a plain
/// read-modify-write (PUT of the cached object, so a stale version meets 409), and records every attempt.
/// </summary>
internal sealed class SizeAnnotatingReconciler(IKubernetesClient client, SharedInformer gadgets) : IReconciler
{
    public const string Annotation = "runtime.test.skyforge.dev/doubled-size";

    private readonly Lock _gate = new();
    private readonly List<Attempt> _attempts = [];

    public IReadOnlyList<Attempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (gadgets.Store.Get(request.Key) is not { } cached)
        {
            return ReconcileResult.Done;
        }
        var gadget = cached.ToJsonObject();
        var desired = (2 * Gadgets.SizeOf(gadget)).ToString(CultureInfo.InvariantCulture);
        if (gadget["metadata"]?["annotations"]?[Annotation]?.GetValue<string>() == desired)
        {
            Record(request, "unchanged");
            return ReconcileResult.Done;
        }
        var metadata = gadget["metadata"]!.AsObject();
        var annotations = metadata["annotations"] as JsonObject ?? [];
        annotations[Annotation] = desired;
        metadata["annotations"] = annotations;
        try
        {
            await client.UpdateAsync(Gadgets.Type, gadget, cancellationToken: cancellationToken);
        }
        catch (KubernetesConflictException)
        {
            Record(request, "conflict");
            throw;
        }
        Record(request, "updated");
        return ReconcileResult.Done;
    }

    private void Record(ReconcileRequest request, string outcome)
    {
        lock (_gate)
        {
            _attempts.Add(new Attempt(request.Key.Name, request.PreviousFailures, outcome));
        }
    }

    public sealed record Attempt(string Name, int PreviousFailures, string Outcome);
}
