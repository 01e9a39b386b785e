using Skyforge.Kubernetes;
using Skyforge.Runtime.Controllers;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>
/// Reads its ConfigMap from the API server (real work over the instance's own connection), records the
/// span on the shared timeline, and asks to come back shortly, so a leader reconciles all the time.
/// </summary>
internal sealed class TimelineReconciler(string instance, IKubernetesClient client, ReconcileTimeline timeline) : IReconciler
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var span = timeline.Begin(instance, request.Key.ToString());
        try
        {
            await client.GetAsync(ResourceTypes.ConfigMaps, request.Key.Namespace, request.Key.Name, cancellationToken: cancellationToken);
            return ReconcileResult.RequeueAfter(Period);
        }
        finally
        {
            timeline.End(span);
        }
    }
}
