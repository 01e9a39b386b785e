using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Http;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Watching;

namespace Skyforge.Kubernetes;

/// <summary>
/// The HTTP implementation of <see cref="IKubernetesClient"/>: client-side QPS/burst limiting,
/// credentials fetched per request (refreshed once after a 401), bounded retries honouring Retry-After
/// on 429, a timeout per non-watch request, and a metric per request.
/// </summary>
public sealed class KubernetesClient : IKubernetesClient, IDisposable
{
    private readonly KubernetesClientConfiguration _configuration;
    private readonly KubernetesClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly KubernetesClientMetrics _metrics;
    private readonly TokenBucket _rateLimiter;
    private readonly HttpClient _http;
    private readonly string _serverPrefix;
    private volatile X509Certificate2? _pluginCertificate;

    /// <param name="transport">Replaces the TLS socket handler (tests, fault injection); authentication still applies.</param>
    public KubernetesClient(
        KubernetesClientConfiguration configuration,
        KubernetesClientOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<KubernetesClient>? logger = null,
        KubernetesClientMetrics? metrics = null,
        HttpMessageHandler? transport = null)
    {
        _configuration = configuration;
        _options = options ?? new KubernetesClientOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<KubernetesClient>.Instance;
        _metrics = metrics ?? new KubernetesClientMetrics();
        _rateLimiter = new TokenBucket(_options.Qps, Math.Max(1, _options.Burst), _timeProvider);
        var handler = transport ?? KubernetesHttpHandlerFactory.Create(configuration, () => _configuration.ClientCertificate ?? _pluginCertificate);
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _serverPrefix = configuration.Server.GetLeftPart(UriPartial.Authority) + configuration.Server.AbsolutePath.TrimEnd('/');
    }

    public string? DefaultNamespace => _configuration.Namespace;

    public Task<T> GetAsync<T>(ResourceType type, string? @namespace, string name, JsonTypeInfo<T> typeInfo, GetOptions? options, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("resourceVersion", options?.ResourceVersion);
        var request = new ApiRequest(HttpMethod.Get, "get", MetricResource(type, options?.Subresource), type.ObjectPath(@namespace, name, options?.Subresource), query);
        return SendAsync(request, (response, token) => ReadAsync(response, typeInfo, token), cancellationToken);
    }

    public Task<ResourceList<T>> ListAsync<T>(ResourceType type, string? @namespace, ListOptions? options, JsonTypeInfo<T> itemTypeInfo, CancellationToken cancellationToken)
    {
        var query = new QueryString()
            .Add("labelSelector", NullIfEverything(options?.LabelSelector))
            .Add("fieldSelector", NullIfEverything(options?.FieldSelector))
            .Add("limit", options?.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("continue", options?.Continue)
            .Add("resourceVersion", options?.ResourceVersion)
            .Add("resourceVersionMatch", options?.ResourceVersionMatch)
            .Add("timeoutSeconds", options?.TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = new ApiRequest(HttpMethod.Get, "list", MetricResource(type, null), type.CollectionPath(@namespace), query);
        return SendAsync(request, (response, token) => ReadListAsync(response, itemTypeInfo, token), cancellationToken);
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        ResourceType type,
        string? @namespace,
        WatchOptions? options,
        JsonTypeInfo<T> itemTypeInfo,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options ??= new WatchOptions();
        var query = new QueryString()
            .Add("watch", "true")
            .Add("resourceVersion", options.ResourceVersion)
            .Add("allowWatchBookmarks", options.AllowWatchBookmarks ? "true" : null)
            .Add("labelSelector", NullIfEverything(options.LabelSelector))
            .Add("fieldSelector", NullIfEverything(options.FieldSelector))
            .Add("timeoutSeconds", options.TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = new ApiRequest(HttpMethod.Get, "watch", MetricResource(type, null), type.CollectionPath(@namespace), query) { Streaming = true };
        using var response = await SendAsync(request, (r, _) => Task.FromResult(r), cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var watchEvent in WatchStreamReader.ReadAsync(stream, itemTypeInfo, cancellationToken))
        {
            yield return watchEvent;
        }
    }

    public Task<T> CreateAsync<T>(ResourceType type, T obj, JsonTypeInfo<T> typeInfo, WriteOptions? options, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(obj, typeInfo);
        var identity = ObjectIdentity.Read(body);
        var @namespace = type.Namespaced ? identity.RequireNamespace(type) : null;
        var path = options?.Subresource is null
            ? type.CollectionPath(@namespace)
            : type.ObjectPath(@namespace, identity.RequireName(type), options.Subresource);
        var request = new ApiRequest(HttpMethod.Post, "create", MetricResource(type, options?.Subresource), path, WriteQuery(options?.FieldManager, options?.DryRun == true))
        {
            Body = body,
            ContentType = KubernetesContentTypes.Json,
        };
        return SendAsync(request, (response, token) => ReadAsync(response, typeInfo, token), cancellationToken);
    }

    public Task<T> UpdateAsync<T>(ResourceType type, T obj, JsonTypeInfo<T> typeInfo, WriteOptions? options, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(obj, typeInfo);
        var identity = ObjectIdentity.Read(body);
        var path = type.ObjectPath(type.Namespaced ? identity.RequireNamespace(type) : null, identity.RequireName(type), options?.Subresource);
        var request = new ApiRequest(HttpMethod.Put, "update", MetricResource(type, options?.Subresource), path, WriteQuery(options?.FieldManager, options?.DryRun == true))
        {
            Body = body,
            ContentType = KubernetesContentTypes.Json,
        };
        return SendAsync(request, (response, token) => ReadAsync(response, typeInfo, token), cancellationToken);
    }

    public Task<T> PatchAsync<T>(ResourceType type, string? @namespace, string name, KubernetesPatch patch, JsonTypeInfo<T> resultTypeInfo, PatchOptions? options, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Patch, "patch", MetricResource(type, options?.Subresource), type.ObjectPath(@namespace, name, options?.Subresource), WriteQuery(options?.FieldManager, options?.DryRun == true))
        {
            Body = patch.ToUtf8Bytes(),
            ContentType = patch.ContentType,
        };
        return SendAsync(request, (response, token) => ReadAsync(response, resultTypeInfo, token), cancellationToken);
    }

    public Task<T> ApplyAsync<T>(ResourceType type, T obj, JsonTypeInfo<T> typeInfo, ApplyOptions? options, CancellationToken cancellationToken)
    {
        var fieldManager = options?.FieldManager ?? _options.FieldManager
            ?? throw new ArgumentException("server-side apply needs a field manager (ApplyOptions.FieldManager or KubernetesClientOptions.FieldManager)", nameof(options));
        var body = WithTypeMeta(JsonSerializer.SerializeToUtf8Bytes(obj, typeInfo), type);
        var identity = ObjectIdentity.Read(body);
        var path = type.ObjectPath(type.Namespaced ? identity.RequireNamespace(type) : null, identity.RequireName(type), options?.Subresource);
        var query = WriteQuery(fieldManager, options?.DryRun == true).Add("force", options?.Force == true ? "true" : null);
        var request = new ApiRequest(HttpMethod.Patch, "apply", MetricResource(type, options?.Subresource), path, query)
        {
            Body = body,
            ContentType = KubernetesContentTypes.ApplyPatch,
        };
        return SendAsync(request, (response, token) => ReadAsync(response, typeInfo, token), cancellationToken);
    }

    public Task<T?> DeleteAsync<T>(ResourceType type, string? @namespace, string name, JsonTypeInfo<T> typeInfo, DeleteOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        var request = new ApiRequest(HttpMethod.Delete, "delete", MetricResource(type, null), type.ObjectPath(@namespace, name), new QueryString())
        {
            Body = DeleteBody(options),
            ContentType = KubernetesContentTypes.Json,
        };
        return SendAsync(request, async (response, token) =>
        {
            var element = await ReadAsync(response, KubernetesJsonContext.Default.JsonElement, token);
            var isStatus = element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "Status";
            return isStatus ? null : element.Deserialize(typeInfo);
        }, cancellationToken);
    }

    public async Task<ApiResourceList?> GetApiResourcesAsync(string group, string version, CancellationToken cancellationToken)
    {
        var path = group.Length == 0 ? $"/api/{Uri.EscapeDataString(version)}" : $"/apis/{Uri.EscapeDataString(group)}/{Uri.EscapeDataString(version)}";
        var request = new ApiRequest(HttpMethod.Get, "get", "discovery", path, new QueryString());
        try
        {
            return await SendAsync(request, (response, token) => ReadAsync(response, KubernetesJsonContext.Default.ApiResourceList, token), cancellationToken);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<TResult> SendAsync<TResult>(ApiRequest request, Func<HttpResponseMessage, CancellationToken, Task<TResult>> readResponse, CancellationToken cancellationToken)
    {
        var throttleRetries = 0;
        var reauthenticated = false;
        while (true)
        {
            await _rateLimiter.WaitAsync(cancellationToken);
            var credential = await CredentialAsync(cancellationToken);
            using var timeout = request.Streaming ? null : new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
            using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var token = linked?.Token ?? cancellationToken;
            using var message = CreateMessage(request, credential);
            var started = _timeProvider.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                _metrics.RecordRequest(request.Verb, request.Resource, "error", _timeProvider.GetElapsedTime(started));
                throw TimeoutOr(ex, request, timeout, cancellationToken);
            }
            var code = (int)response.StatusCode;
            _metrics.RecordRequest(request.Verb, request.Resource, code.ToString(System.Globalization.CultureInfo.InvariantCulture), _timeProvider.GetElapsedTime(started));
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return await readResponse(response, token);
                }
                catch (OperationCanceledException ex)
                {
                    throw TimeoutOr(ex, request, timeout, cancellationToken);
                }
                finally
                {
                    if (!request.Streaming)
                    {
                        response.Dispose();
                    }
                }
            }
            KubernetesApiException error;
            TimeSpan? retryAfter;
            using (response)
            {
                byte[] body;
                try
                {
                    body = await response.Content.ReadAsByteArrayAsync(token);
                }
                catch (OperationCanceledException ex)
                {
                    throw TimeoutOr(ex, request, timeout, cancellationToken);
                }
                var status = ApiErrors.TryParseStatus(body);
                retryAfter = RetryAfterOf(response, status);
                error = ApiErrors.FromStatus(code, status, retryAfter);
            }
            if (code == 401 && !reauthenticated && _configuration.Credentials?.Invalidate() == true)
            {
                reauthenticated = true;
                continue;
            }
            if (IsThrottled(code, retryAfter) && throttleRetries < _options.MaxThrottleRetries)
            {
                throttleRetries++;
                var delay = retryAfter ?? _options.DefaultRetryAfter;
                delay = delay > _options.MaxRetryAfter ? _options.MaxRetryAfter : delay;
                _logger.LogInformation(
                    "API server answered {Code} to {Verb} {Resource}; retry {Attempt} of {MaxAttempts} in {DelaySeconds} s",
                    code, request.Verb, request.Resource, throttleRetries, _options.MaxThrottleRetries, delay.TotalSeconds);
                await Task.Delay(delay, _timeProvider, cancellationToken);
                continue;
            }
            throw error;
        }
    }

    private async ValueTask<KubernetesCredential> CredentialAsync(CancellationToken cancellationToken)
    {
        if (_configuration.Credentials is not { } provider)
        {
            return KubernetesCredential.None;
        }
        var credential = await provider.GetCredentialAsync(cancellationToken);
        if (credential.ClientCertificate is not null)
        {
            _pluginCertificate = credential.ClientCertificate;
        }
        return credential;
    }

    private HttpRequestMessage CreateMessage(ApiRequest request, KubernetesCredential credential)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_serverPrefix + request.Path + request.Query));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(KubernetesContentTypes.Json));
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        if (credential.BearerToken is { } bearer)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        else if (credential.Username is { } username)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{credential.Password}"));
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? KubernetesContentTypes.Json);
        }
        return message;
    }

    private Exception TimeoutOr(Exception ex, ApiRequest request, CancellationTokenSource? timeout, CancellationToken callerToken) =>
        ex is OperationCanceledException && timeout?.IsCancellationRequested == true && !callerToken.IsCancellationRequested
            ? new TimeoutException($"{request.Verb} {request.Resource} did not complete within {_options.RequestTimeout.TotalSeconds:0.###} s", ex)
            : ex;

    private static bool IsThrottled(int code, TimeSpan? retryAfter) =>
        code == 429 || (code is 500 or 503 or 504 && retryAfter is not null);

    private TimeSpan? RetryAfterOf(HttpResponseMessage response, ApiStatus? status)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta;
            }
            if (header.Date is { } date)
            {
                var wait = date - _timeProvider.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }
        return status?.Details?.RetryAfterSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken)
            ?? throw new JsonException("the API server answered with an empty body");
    }

    private static async Task<ResourceList<T>> ReadListAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> itemTypeInfo, CancellationToken cancellationToken)
    {
        var root = await ReadAsync(response, KubernetesJsonContext.Default.JsonElement, cancellationToken);
        var items = new List<T>();
        if (root.TryGetProperty("items", out var itemArray) && itemArray.ValueKind == JsonValueKind.Array)
        {
            items.Capacity = itemArray.GetArrayLength();
            foreach (var item in itemArray.EnumerateArray())
            {
                items.Add(item is T element ? element : item.Deserialize(itemTypeInfo)!);
            }
        }
        string? resourceVersion = null;
        string? continueToken = null;
        long? remaining = null;
        if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            resourceVersion = StringProperty(metadata, "resourceVersion");
            continueToken = StringProperty(metadata, "continue");
            if (metadata.TryGetProperty("remainingItemCount", out var count) && count.ValueKind == JsonValueKind.Number)
            {
                remaining = count.GetInt64();
            }
        }
        return new ResourceList<T>(items, resourceVersion ?? "", string.IsNullOrEmpty(continueToken) ? null : continueToken, remaining);
    }

    private static string? StringProperty(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private QueryString WriteQuery(string? fieldManager, bool dryRun) =>
        new QueryString().Add("fieldManager", fieldManager ?? _options.FieldManager).Add("dryRun", dryRun ? "All" : null);

    private static string MetricResource(ResourceType type, string? subresource) =>
        subresource is null ? type.GroupResource : $"{type.GroupResource}/{subresource}";

    private static string? NullIfEverything(LabelSelector? selector) => selector is null || selector.IsEverything ? null : selector.ToString();

    private static string? NullIfEverything(FieldSelector? selector) => selector is null || selector.IsEverything ? null : selector.ToString();

    // Apply requires apiVersion and kind in the body; fill them from the resource when the caller left them out.
    private static byte[] WithTypeMeta(byte[] body, ResourceType type)
    {
        var node = JsonNode.Parse(body) as JsonObject ?? throw new ArgumentException("the object to apply must be a JSON object");
        if (node["apiVersion"] is not null && node["kind"] is not null)
        {
            return body;
        }
        node["apiVersion"] ??= type.ApiVersion;
        node["kind"] ??= type.Kind;
        return JsonSerializer.SerializeToUtf8Bytes(node, KubernetesJsonContext.Default.JsonObject);
    }

    private static byte[] DeleteBody(DeleteOptions? options)
    {
        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1" };
        if (options?.PropagationPolicy is { } policy)
        {
            body["propagationPolicy"] = policy.ToString();
        }
        if (options?.PreconditionUid is not null || options?.PreconditionResourceVersion is not null)
        {
            var preconditions = new JsonObject();
            if (options.PreconditionUid is not null)
            {
                preconditions["uid"] = options.PreconditionUid;
            }
            if (options.PreconditionResourceVersion is not null)
            {
                preconditions["resourceVersion"] = options.PreconditionResourceVersion;
            }
            body["preconditions"] = preconditions;
        }
        if (options?.GracePeriodSeconds is { } grace)
        {
            body["gracePeriodSeconds"] = grace;
        }
        if (options?.DryRun == true)
        {
            body["dryRun"] = new JsonArray("All");
        }
        return JsonSerializer.SerializeToUtf8Bytes(body, KubernetesJsonContext.Default.JsonObject);
    }

    private sealed record ApiRequest(HttpMethod Method, string Verb, string Resource, string Path, QueryString Query)
    {
        public byte[]? Body { get; init; }

        public string? ContentType { get; init; }

        /// <summary>A watch: no per-request timeout, and the caller owns the response.</summary>
        public bool Streaming { get; init; }
    }
}
