using Microsoft.AspNetCore.Http;

namespace Skyforge.TestKit.ApiServer.Http;

/// <summary>
/// What a request addresses, parsed like the API server's RequestInfoFactory:
/// <c>/api/v1/...</c> or <c>/apis/&lt;group&gt;/&lt;version&gt;/...</c>, then optional
/// <c>namespaces/&lt;ns&gt;/</c>, resource, name and subresource.
/// </summary>
internal sealed record RequestInfo(
    bool IsResource,
    string Verb,
    string Group,
    string Version,
    string Resource,
    string Name,
    string Subresource,
    string Namespace,
    string Path)
{
    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    public static RequestInfo Parse(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var method = request.Method.ToUpperInvariant();
        var nonResource = new RequestInfo(false, method.ToLowerInvariant(), "", "", "", "", "", "", path);
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        string group;
        string version;
        List<string> rest;
        if (parts.Count >= 2 && parts[0] == "api")
        {
            (group, version, rest) = ("", parts[1], parts[2..]);
        }
        else if (parts.Count >= 3 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], parts[3..]);
        }
        else
        {
            return nonResource;
        }
        if (rest.Count == 0)
        {
            return nonResource;
        }
        var ns = "";
        if (rest[0] == "namespaces" && rest.Count > 1)
        {
            ns = rest[1];
            if (rest.Count > 2 && !NamespaceSubresources.Contains(rest[2]))
            {
                rest = rest[2..];
            }
        }
        var resource = rest[0];
        var name = rest.Count > 1 ? rest[1] : "";
        var subresource = rest.Count > 2 ? string.Join("/", rest[2..]) : "";
        var watch = request.Query["watch"].ToString() is "true" or "1";
        var verb = method switch
        {
            "GET" or "HEAD" => name.Length > 0 ? "get" : watch ? "watch" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => name.Length > 0 ? "delete" : "deletecollection",
            _ => method.ToLowerInvariant(),
        };
        return new RequestInfo(true, verb, group, version, resource, name, subresource, ns, path);
    }
}
