using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Operations;

internal sealed partial class ResourceOperations
{
    /// <summary>The namespace controller's <c>/finalize</c>: drops spec.finalizers of an emptied, terminating namespace.</summary>
    public void FinalizeNamespace(JsonObject ns)
    {
        lock (_store.Gate)
        {
            var type = BuiltInResourceTypes.Namespaces;
            var current = _store.Get(type.Key, "", JsonTree.Name(ns));
            if (current is null || JsonTree.Uid(current) != JsonTree.Uid(ns) || !JsonTree.IsDeleting(current))
            {
                return;
            }
            var finalized = (JsonObject)current.DeepClone();
            finalized["spec"] = new JsonObject();
            if (JsonTree.Finalizers(finalized).Count == 0)
            {
                _store.Remove(type.Key, finalized);
            }
            else
            {
                _store.Put(type.Key, finalized);
            }
        }
    }
}
