namespace Skyforge.TestKit.ApiServer.Recording;

/// <summary>
/// One request as RBAC sees it. <see cref="Verb"/> is the RBAC verb (get, list, watch, create, update,
/// patch, delete, deletecollection) for resource requests and the lower-case HTTP method otherwise.
/// </summary>
public sealed record RecordedRequest(
    string Verb,
    bool IsResourceRequest,
    string Group,
    string Version,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    string Path,
    string UserAgent,
    DateTimeOffset Time);
