using System.Collections.Concurrent;

namespace Skyforge.TestKit.ApiServer.Recording;

/// <summary>Every request the server received, in arrival order; tests derive RBAC rules from it.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public int Count => _requests.Count;

    public IReadOnlyList<RecordedRequest> Snapshot() => _requests.ToArray();

    /// <summary>Resource requests only, optionally from one client (User-Agent prefix).</summary>
    public IReadOnlyList<RecordedRequest> ResourceRequests(string? userAgentPrefix = null) =>
        _requests.Where(r => r.IsResourceRequest
            && (userAgentPrefix is null || r.UserAgent.StartsWith(userAgentPrefix, StringComparison.Ordinal))).ToList();

    /// <summary>Distinct (group, resource, subresource, verb) tuples: the RBAC rules these requests needed.</summary>
    public IReadOnlyList<(string Group, string Resource, string Verb)> RbacRules(string? userAgentPrefix = null) =>
        ResourceRequests(userAgentPrefix)
            .Select(r => (r.Group, r.Subresource.Length == 0 ? r.Resource : $"{r.Resource}/{r.Subresource}", r.Verb))
            .Distinct()
            .OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Verb, StringComparer.Ordinal)
            .ToList();

    public void Clear() => _requests.Clear();

    internal void Add(RecordedRequest request) => _requests.Enqueue(request);
}
