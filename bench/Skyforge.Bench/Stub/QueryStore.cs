using System.Collections.Concurrent;
using System.Net;
using System.Xml.Linq;

namespace Skyforge.Bench.Stub;

/// <summary>
/// The resources of one query-protocol service (RDS or ElastiCache): named collections (instances, subnet groups,
/// …) plus an index by ARN for the tag operations, with the create/modify/tag answers both services share.
/// </summary>
internal sealed class QueryStore(string arnPrefix)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, QueryResource>> _collections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueryResource> _byArn = new(StringComparer.Ordinal);

    /// <summary>Creates the resource named by the request's <paramref name="idField"/>; "already exists" when the name is taken.</summary>
    public StubResponse Create(StubRequest request, string collection, string idField, string arnType, string existsCode, Func<QueryResource, XElement> render)
    {
        var id = request.Field(idField) ?? "";
        var resource = new QueryResource(request, $"{arnPrefix}:{arnType}:{id}");
        if (!Collection(collection).TryAdd(id, resource))
        {
            return StubResponse.QueryError(HttpStatusCode.BadRequest, existsCode, $"{id} already exists");
        }
        _byArn[resource.Arn] = resource;
        return StubResponse.QueryResult(request.Operation, render(resource));
    }

    public StubResponse Modify(StubRequest request, string collection, string idField, string notFoundCode, Func<QueryResource, XElement> render)
    {
        var id = request.Field(idField) ?? "";
        if (!Collection(collection).TryGetValue(id, out var resource))
        {
            return StubResponse.QueryError(HttpStatusCode.NotFound, notFoundCode, $"{id} not found");
        }
        resource.Modify(request);
        return StubResponse.QueryResult(request.Operation, render(resource));
    }

    /// <summary>One resource by name, or every resource of the collection in name order, a page at a time.</summary>
    public StubResponse Describe(StubRequest request, string collection, string idField, string listElement, string notFoundCode, Func<QueryResource, XElement> render)
    {
        var resources = Collection(collection);
        if (request.Field(idField) is { } id)
        {
            return resources.TryGetValue(id, out var one)
                ? StubResponse.QueryResult(request.Operation, StubResponse.Element(listElement, render(one)))
                : StubResponse.QueryError(HttpStatusCode.NotFound, notFoundCode, $"{id} not found");
        }
        var all = resources.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value).ToList();
        var (page, next) = QueryPage.Of(all, request);
        return StubResponse.QueryResult(request.Operation, StubResponse.Element(listElement, page.Select(render)), next is null ? null : StubResponse.Element("Marker", next));
    }

    public StubResponse ListTags(StubRequest request, string notFoundCode) =>
        Find(request.Field("ResourceName")) is { } resource
            ? StubResponse.QueryResult(request.Operation, resource.TagList())
            : StubResponse.QueryError(HttpStatusCode.NotFound, notFoundCode, "no resource with this ARN");

    public StubResponse AddTags(StubRequest request, string notFoundCode)
    {
        if (Find(request.Field("ResourceName")) is not { } resource)
        {
            return StubResponse.QueryError(HttpStatusCode.NotFound, notFoundCode, "no resource with this ARN");
        }
        resource.AddTags(request.QueryTags());
        return StubResponse.QueryResult(request.Operation, resource.TagList());
    }

    private ConcurrentDictionary<string, QueryResource> Collection(string name) =>
        _collections.GetOrAdd(name, _ => new ConcurrentDictionary<string, QueryResource>(StringComparer.Ordinal));

    private QueryResource? Find(string? arn) => arn is null ? null : _byArn.GetValueOrDefault(arn);
}
