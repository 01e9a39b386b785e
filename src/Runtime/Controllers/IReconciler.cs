namespace Skyforge.Runtime.Controllers;

/// <summary>
/// Brings one object's world in line with its spec. Read the object from the informer cache (it may
/// be gone: then clean up and return Done). Never called twice at once for the same key. The token is
/// cancelled when leadership is lost or shutdown can wait no longer.
/// </summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);
}
