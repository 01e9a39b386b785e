using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Skyforge.Kubernetes.Serialization;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Faults;
using Skyforge.TestKit.ApiServer.Operations;
using Skyforge.TestKit.ApiServer.Recording;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Selectors;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Http;

/// <summary>
/// The single HTTP entry point: records the request, applies injected latency and failures, checks the
/// bearer token, then serves discovery, OpenAPI, or a resource verb. Failures become <c>Status</c> bodies.
/// </summary>
internal sealed class ApiRequestHandler
{
    private readonly TestApiServerOptions _options;
    private readonly string _token;
    private readonly ResourceTypeRegistry _registry;
    private readonly ObjectStore _store;
    private readonly ResourceOperations _operations;
    private readonly FaultInjector _faults;
    private readonly RequestLog _log;
    private readonly TableRenderer _tables;
    private readonly WatchStreamer _watches;
    private readonly Func<string> _serverAddress;

    public ApiRequestHandler(TestApiServerOptions options, string token, ResourceTypeRegistry registry, ObjectStore store,
        ResourceOperations operations, FaultInjector faults, RequestLog log, Func<string> serverAddress)
    {
        _options = options;
        _token = token;
        _registry = registry;
        _store = store;
        _operations = operations;
        _faults = faults;
        _log = log;
        _serverAddress = serverAddress;
        _tables = new TableRenderer(options.TimeProvider);
        _watches = new WatchStreamer(store, _tables, options.TimeProvider, options.BookmarkInterval);
    }

    public async Task HandleAsync(HttpContext http)
    {
        var info = RequestInfo.Parse(http.Request);
        var recorded = new RecordedRequest(info.Verb, info.IsResource, info.Group, info.Version, info.Resource, info.Subresource,
            info.Namespace, info.Name, info.Path, http.Request.Headers.UserAgent.ToString(), _options.TimeProvider.GetUtcNow());
        _log.Add(recorded);
        try
        {
            var latency = _faults.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, _options.TimeProvider, http.RequestAborted);
            }
            if (!IsAuthorized(http.Request))
            {
                throw ApiErrors.Unauthorized();
            }
            if (_faults.TakeFailure(recorded) is { } failure)
            {
                throw failure;
            }
            if (info.IsResource)
            {
                await HandleResourceAsync(http, info, recorded);
            }
            else
            {
                await HandleNonResourceAsync(http, info);
            }
        }
        catch (ApiException ex) when (!http.Response.HasStarted)
        {
            if (ex.Details?.RetryAfterSeconds is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await JsonOutput.WriteAsync(http.Response, ex.Code, ex.ToStatus());
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client disconnected.
        }
        catch (Exception ex) when (!http.Response.HasStarted && ex is not OperationCanceledException)
        {
            // A defect in this fake must surface in the test that hit it, not as an empty 500.
            await JsonOutput.WriteAsync(http.Response, 500, ApiErrors.Internal($"{ex.GetType().Name}: {ex.Message}").ToStatus());
        }
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && header[7..].Trim() == _token;
    }

    private async Task HandleNonResourceAsync(HttpContext http, RequestInfo info)
    {
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            throw ApiErrors.MethodNotAllowed();
        }
        var path = info.Path.TrimEnd('/');
        var parts = path.Trim('/').Split('/');
        JsonNode? document = parts switch
        {
            ["api"] => DiscoveryDocuments.CoreVersions(_serverAddress()),
            ["apis"] => DiscoveryDocuments.GroupList(_registry),
            ["api", var version] => DiscoveryDocuments.ResourceList(_registry, "", version),
            ["apis", var group] => DiscoveryDocuments.GroupDocument(_registry, group),
            ["apis", var group, var version] => DiscoveryDocuments.ResourceList(_registry, group, version),
            ["version"] => DiscoveryDocuments.Version(),
            ["openapi", "v3"] => OpenApiDocuments.Index(_registry),
            ["openapi", "v3", ..] => OpenApiDocuments.DocumentForPath(_registry, string.Join('/', parts[2..])),
            _ => null,
        };
        if (parts is ["healthz"] or ["readyz"] or ["livez"])
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("ok", http.RequestAborted);
            return;
        }
        if (document is null)
        {
            http.Response.StatusCode = 404;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("404 page not found\n", http.RequestAborted);
            return;
        }
        await JsonOutput.WriteAsync(http.Response, 200, document);
    }

    private async Task HandleResourceAsync(HttpContext http, RequestInfo info, RecordedRequest recorded)
    {
        var type = _registry.Find(info.Group, info.Version, info.Resource) ?? throw ApiErrors.ResourceNotFound();
        var isNamespaceObject = type == BuiltInResourceTypes.Namespaces;
        if (!type.Namespaced && info.Namespace.Length > 0 && !isNamespaceObject)
        {
            throw ApiErrors.ResourceNotFound();
        }
        if (info.Subresource.Length > 0 && !(info.Subresource == "status" && type.HasStatusSubresource))
        {
            throw ApiErrors.ResourceNotFound();
        }
        if (!type.Supports(info.Verb))
        {
            throw ApiErrors.MethodNotAllowed();
        }
        var ns = type.Namespaced ? info.Namespace : "";
        if (type.Namespaced && ns.Length == 0 && info.Verb is not ("list" or "watch"))
        {
            throw ApiErrors.ResourceNotFound();
        }
        var query = new RequestQuery(http.Request.Query);
        var userAgent = http.Request.Headers.UserAgent.ToString();
        var subresource = info.Subresource.Length == 0 ? null : info.Subresource;
        var accept = http.Request.Headers.Accept.ToString();
        switch (info.Verb)
        {
            case "get":
                var found = _operations.Get(type, ns, info.Name);
                await WriteObjectsAsync(http, type, found, accept, query);
                break;
            case "list":
                await ListAsync(http, type, type.Namespaced && ns.Length > 0 ? ns : null, accept, query);
                break;
            case "watch":
                await WatchAsync(http, type, type.Namespaced && ns.Length > 0 ? ns : null, accept, query);
                break;
            case "create":
                var created = _operations.Create(type, ns, await ReadObjectAsync(http, query), query.WriteOptions(userAgent));
                await WriteResultAsync(http, type, created);
                break;
            case "update":
                var body = await ReadObjectAsync(http, query);
                if (_faults.TakeConflict(recorded))
                {
                    throw ApiErrors.StaleResourceVersion(type, info.Name);
                }
                await WriteResultAsync(http, type, _operations.Replace(type, ns, info.Name, subresource, body, query.WriteOptions(userAgent)));
                break;
            case "patch":
                var contentType = (http.Request.ContentType ?? "").Split(';')[0].Trim();
                var patch = await ReadTextAsync(http);
                await WriteResultAsync(http, type, _operations.Patch(type, ns, info.Name, subresource, contentType, patch, query.WriteOptions(userAgent)));
                break;
            case "delete":
                await WriteResultAsync(http, type, _operations.Delete(type, ns, info.Name, await ReadDeleteRequestAsync(http, query)));
                break;
            case "deletecollection":
                var deleted = _operations.DeleteCollection(type, type.Namespaced && ns.Length > 0 ? ns : null,
                    LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"], type),
                    await ReadDeleteRequestAsync(http, query));
                await JsonOutput.WriteAsync(http.Response, 200, deleted);
                break;
            default:
                throw ApiErrors.MethodNotAllowed();
        }
    }

    private async Task ListAsync(HttpContext http, ResourceType type, string? ns, string accept, RequestQuery query)
    {
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], type);
        ContinueToken? token = null;
        if (query["continue"] is { Length: > 0 } continueText)
        {
            if (query["resourceVersion"] is { Length: > 0 })
            {
                throw new ApiException(422, "Invalid",
                    "ListOptions.meta.k8s.io \"\" is invalid: resourceVersion: Forbidden: specifying resource version is not allowed when using continue",
                    new StatusDetails("", "meta.k8s.io", "ListOptions", Causes: [new StatusCause("FieldValueForbidden", "Forbidden: specifying resource version is not allowed when using continue", "resourceVersion")]));
            }
            token = ContinueToken.TryDecode(continueText) ?? throw ApiErrors.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
        var page = _store.ListPage(type.Key, ns, labels, fields, query.Limit, token);
        var resourceVersion = _store.FormatRevision(page.Revision);
        var continueToken = page.Continue?.Encode();
        int? remaining = continueToken is not null && labels.IsEmpty && fields.IsEmpty ? page.RemainingItemCount : null;
        if (TableRenderer.IsRequested(accept))
        {
            await JsonOutput.WriteAsync(http.Response, 200,
                writer => _tables.Write(writer, type, page.Items, query["includeObject"] ?? "Metadata", resourceVersion, continueToken, remaining));
            return;
        }
        await JsonOutput.WriteAsync(http.Response, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", type.EffectiveListKind);
            writer.WriteString("apiVersion", type.GroupVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", resourceVersion);
            if (continueToken is not null)
            {
                writer.WriteString("continue", continueToken);
            }
            if (remaining is { } count)
            {
                writer.WriteNumber("remainingItemCount", count);
            }
            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in page.Items)
            {
                JsonOutput.WriteObject(writer, item, type.GroupVersion, omitTypeMeta: !type.IsCustom);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private async Task WatchAsync(HttpContext http, ResourceType type, string? ns, string accept, RequestQuery query)
    {
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], type);
        var bookmarks = query.IsTrue("allowWatchBookmarks");
        var sendInitialEvents = query.IsTrue("sendInitialEvents");
        if (sendInitialEvents && query["resourceVersionMatch"] != "NotOlderThan")
        {
            throw new ApiException(422, "Invalid",
                "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan",
                new StatusDetails("", "meta.k8s.io", "ListOptions"));
        }
        long? fromRevision = null;
        if (query["resourceVersion"] is { Length: > 0 } rv && rv != "0")
        {
            fromRevision = long.TryParse(rv, out var parsed)
                ? parsed
                : throw ApiErrors.BadRequest($"resourceVersion: Invalid value: \"{rv}\": must be a valid resource version");
        }
        var timeout = query.ParseInt("timeoutSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : _options.DefaultWatchTimeout;
        using var subscription = _store.Watch(type.Key, ns, labels, fields, fromRevision, sendInitialEvents,
            sendInitialEvents && bookmarks, WatchStreamer.BookmarkFactory(type));
        await _watches.StreamAsync(http, type, subscription, bookmarks, timeout, TableRenderer.IsRequested(accept), query["includeObject"] ?? "Metadata");
    }

    private async Task WriteObjectsAsync(HttpContext http, ResourceType type, JsonObject obj, string accept, RequestQuery query)
    {
        if (TableRenderer.IsRequested(accept))
        {
            await JsonOutput.WriteAsync(http.Response, 200, writer =>
                _tables.Write(writer, type, [obj], query["includeObject"] ?? "Metadata", JsonTree.GetString(obj, "metadata", "resourceVersion"), null, null));
            return;
        }
        await JsonOutput.WriteAsync(http.Response, 200, writer => JsonOutput.WriteObject(writer, obj, type.GroupVersion));
    }

    private static Task WriteResultAsync(HttpContext http, ResourceType type, WriteResult result)
    {
        var isStatus = JsonTree.GetString(result.Body, "kind") == "Status";
        return JsonOutput.WriteAsync(http.Response, result.StatusCode,
            writer => JsonOutput.WriteObject(writer, result.Body, isStatus ? null : type.GroupVersion), result.Warnings);
    }

    private static async Task<string> ReadTextAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext http, RequestQuery query)
    {
        var contentType = (http.Request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (contentType is not ("application/json" or "application/yaml" or "application/x-yaml" or "*/*"))
        {
            // Protobuf bodies (kubectl's typed generators such as `create configmap`) cannot be decoded
            // without the Kubernetes schemas; a real server without that serializer answers the same.
            throw ApiErrors.UnsupportedMediaType(contentType, ["application/json", "application/yaml"]);
        }
        var text = await ReadTextAsync(http);
        JsonNode? parsed;
        try
        {
            parsed = contentType is "application/yaml" or "application/x-yaml" ? YamlDocuments.ParseSingle(text) : JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw ApiErrors.BadRequest($"the object provided is unrecognized: {ex.Message}");
        }
        catch (YamlFormatException ex)
        {
            throw ApiErrors.BadRequest($"the object provided is unrecognized: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            // System.Text.Json rejects duplicate keys outright; a real server only does so under Strict.
            var detail = query.FieldValidation == FieldValidationMode.Strict ? "strict decoding error: " : "";
            throw ApiErrors.BadRequest($"{detail}json: duplicate field: {ex.Message}");
        }
        return parsed as JsonObject ?? throw ApiErrors.BadRequest("the object provided is unrecognized: not a JSON object");
    }

    private static async Task<DeleteRequest> ReadDeleteRequestAsync(HttpContext http, RequestQuery query)
    {
        var text = await ReadTextAsync(http);
        JsonObject? body = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException ex)
            {
                throw ApiErrors.BadRequest($"the DeleteOptions provided are unrecognized: {ex.Message}");
            }
        }
        var policy = body?["propagationPolicy"]?.GetValue<string>() ?? query["propagationPolicy"];
        var orphan = body?["orphanDependents"]?.GetValue<bool>() ?? (query["orphanDependents"] is { } o ? o == "true" : null);
        if (policy is null && orphan is not null)
        {
            policy = orphan.Value ? "Orphan" : "Background";
        }
        var dryRun = (body?["dryRun"] as JsonArray)?.Any(v => v?.GetValue<string>() == "All") == true || query.DryRun;
        return new DeleteRequest(
            policy,
            body?["preconditions"]?["uid"]?.GetValue<string>(),
            body?["preconditions"]?["resourceVersion"]?.GetValue<string>(),
            dryRun);
    }
}
