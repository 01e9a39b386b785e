using Skyforge.Operator.Hosting;
using Skyforge.TestKit.ApiServer.Recording;

namespace Skyforge.Bench;

/// <summary>The operator's requests to the API server in one time window, from the server's own request log.</summary>
internal sealed class KubernetesTraffic
{
    private const string OperatorAgentPrefix = OperatorHost.FieldManager + "/";

    private readonly IReadOnlyList<RecordedRequest> _requests;

    private KubernetesTraffic(IReadOnlyList<RecordedRequest> requests) => _requests = requests;

    public int Total => _requests.Count;

    /// <summary>Writes to a <c>/status</c> subresource.</summary>
    public int StatusWrites => _requests.Count(request => request.Subresource == "status" && request.Verb is "update" or "patch");

    /// <summary>Resource requests by the operator (its User-Agent) that arrived in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static KubernetesTraffic Between(RequestLog log, DateTimeOffset from, DateTimeOffset to) =>
        new(log.ResourceRequests(OperatorAgentPrefix).Where(request => request.Time >= from && request.Time < to).ToList());

    /// <summary>Did the operator list this resource (i.e. does it run an informer, hence a controller, for it)?</summary>
    public static bool OperatorListed(RequestLog log, string resource) =>
        log.ResourceRequests(OperatorAgentPrefix).Any(request => request.Resource == resource && request.Verb is "list" or "watch");

    /// <summary>"12 create, 30 update (20 status), ..." by verb, most frequent first.</summary>
    public string ByVerb() => _requests.Count == 0
        ? "none"
        : string.Join(", ", _requests.GroupBy(request => request.Verb).OrderByDescending(group => group.Count())
            .Select(group => $"{group.Count()} {group.Key}"));

    /// <summary>"patch secrets 20, update manageddatabases/status 20, ..." by verb and resource, most frequent first.</summary>
    public string ByResource(int top) => _requests.Count == 0
        ? "none"
        : string.Join(", ", _requests.GroupBy(request => $"{request.Verb} {(request.Subresource.Length == 0 ? request.Resource : $"{request.Resource}/{request.Subresource}")}")
            .OrderByDescending(group => group.Count()).Take(top).Select(group => $"{group.Key} {group.Count()}"));
}
