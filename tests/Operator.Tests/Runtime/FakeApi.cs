using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Operator.Tests.Kubernetes;

namespace Skyforge.Operator.Tests.Runtime;

/// <summary>
/// Just enough of an API server, in memory, for informer and controller unit tests: list and watch
/// of collections (namespaced or across namespaces), with one global resourceVersion and a history
/// that a watch from a given version replays. Tests change objects directly and can break watches
/// (close them, or answer 410) to exercise recovery.
/// Everything else answers 404.
/// </summary>
public sealed class FakeApi : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ResourceType Type, JsonObject Object)> _objects = [];
    private readonly List<Watcher> _watchers = [];
    private readonly List<ResourceType> _knownTypes = [];
    private readonly List<(long Version, ResourceType Type, string? Namespace, string EventType, JsonObject Object)> _history = [];
    private long _resourceVersion = 100;

    public FakeApi()
    {
        Handler = new StubHttpHandler(RespondAsync);
        Client = new KubernetesClient(
            new KubernetesClientConfiguration { Server = new Uri("https://fake-api.local") },
            new KubernetesClientOptions { Qps = 0 },
            transport: Handler);
    }

    public StubHttpHandler Handler { get; }

    public KubernetesClient Client { get; }

    public ConcurrentQueue<string> WatchResourceVersions { get; } = new();

    public int ListCount => Handler.Requests.Count(request => request.Method == "GET" && request.QueryValue("watch") is null);

    /// <summary>Watch requests received so far.</summary>
    public int WatchCount => WatchResourceVersions.Count;

    /// <summary>Creates or replaces an object and tells the watchers (unless notify is false: then as if no watch was open).</summary>
    public JsonObject Put(ResourceType type, string? @namespace, string name, Action<JsonObject>? shape = null, bool notify = true)
    {
        lock (_gate)
        {
            var key = Key(type, @namespace, name);
            var exists = _objects.TryGetValue(key, out var previous);
            var obj = new JsonObject
            {
                ["apiVersion"] = type.ApiVersion,
                ["kind"] = type.Kind,
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["uid"] = exists ? (string?)previous.Object["metadata"]!["uid"] : $"uid-{name}-{Guid.NewGuid():N}",
                    ["resourceVersion"] = (++_resourceVersion).ToString(),
                },
            };
            if (@namespace is not null)
            {
                obj["metadata"]!["namespace"] = @namespace;
            }
            shape?.Invoke(obj);
            _objects[key] = (type, obj);
            if (notify)
            {
                Notify(type, @namespace, exists ? "MODIFIED" : "ADDED", obj);
            }
            return obj;
        }
    }

    public void Delete(ResourceType type, string? @namespace, string name)
    {
        lock (_gate)
        {
            if (_objects.Remove(Key(type, @namespace, name), out var removed))
            {
                var final = removed.Object.DeepClone().AsObject();
                final["metadata"]!["resourceVersion"] = (++_resourceVersion).ToString();
                Notify(type, @namespace, "DELETED", final);
            }
        }
    }

    /// <summary>Deletes without telling watchers, as if it happened while no watch was open.</summary>
    public void DeleteUnseen(ResourceType type, string? @namespace, string name)
    {
        lock (_gate)
        {
            _objects.Remove(Key(type, @namespace, name));
            _resourceVersion++;
        }
    }

    public void SendBookmark(ResourceType type)
    {
        lock (_gate)
        {
            var bookmark = new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = new JsonObject { ["resourceVersion"] = (++_resourceVersion).ToString() } };
            foreach (var watcher in _watchers.Where(watcher => watcher.Type == type))
            {
                watcher.Send("BOOKMARK", bookmark);
            }
        }
    }

    /// <summary>Ends every open watch cleanly, as a server does after timeoutSeconds or a restart.</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close();
            }
            _watchers.Clear();
        }
    }

    /// <summary>Breaks every open watch mid-stream, as a connection reset does.</summary>
    public void ResetWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close(new IOException("connection reset by peer"));
            }
            _watchers.Clear();
        }
    }

    /// <summary>Ends every open watch with an ERROR 410 event, as when the history was compacted.</summary>
    public void ExpireWatches()
    {
        lock (_gate)
        {
            var status = JsonNode.Parse("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version","reason":"Expired","code":410}""")!.AsObject();
            foreach (var watcher in _watchers)
            {
                watcher.Send("ERROR", status);
                watcher.Close();
            }
            _watchers.Clear();
        }
    }

    public void Dispose()
    {
        CloseWatches();
        Client.Dispose();
    }

    private static string Key(ResourceType type, string? @namespace, string name) => $"{type.GroupResource}/{@namespace}/{name}";

    private void Notify(ResourceType type, string? @namespace, string eventType, JsonObject obj)
    {
        _history.Add((_resourceVersion, type, @namespace, eventType, obj.DeepClone().AsObject()));
        _watchers.RemoveAll(watcher => watcher.IsClosed);
        foreach (var watcher in _watchers.Where(watcher => watcher.Type == type && (watcher.Namespace is null || watcher.Namespace == @namespace)))
        {
            watcher.Send(eventType, obj);
        }
    }

    private Task<HttpResponseMessage> RespondAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var scope = Resolve(request.Path);
            if (request.Method != "GET" || scope is null)
            {
                return Task.FromResult(StubHttpHandler.Status(404, "NotFound", "not served by the fake"));
            }
            var (type, @namespace) = scope.Value;
            if (request.QueryValue("watch") == "true")
            {
                WatchResourceVersions.Enqueue(request.QueryValue("resourceVersion") ?? "");
                var watcher = new Watcher(type, @namespace);
                var from = long.TryParse(request.QueryValue("resourceVersion"), out var version) ? version : 0;
                foreach (var change in _history.Where(change => change.Version > from && change.Type == type && (@namespace is null || change.Namespace == @namespace)))
                {
                    watcher.Send(change.EventType, change.Object);
                }
                _watchers.Add(watcher);
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(watcher.Reader.AsStream()) };
                response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return Task.FromResult(response);
            }
            var items = new JsonArray([.. _objects.Values
                .Where(entry => entry.Type == type && (@namespace is null || (string?)entry.Object["metadata"]!["namespace"] == @namespace))
                .Select(entry => (JsonNode)entry.Object.DeepClone())]);
            var list = new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString() }, ["items"] = items };
            return Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK, list.ToJsonString()));
        }
    }

    private (ResourceType Type, string? Namespace)? Resolve(string path)
    {
        foreach (var type in _knownTypes)
        {
            if (path == type.CollectionPath(null))
            {
                return (type, null);
            }
            var prefix = type.Group.Length == 0 ? $"/api/{type.Version}/namespaces/" : $"/apis/{type.Group}/{type.Version}/namespaces/";
            if (type.Namespaced && path.StartsWith(prefix, StringComparison.Ordinal) && path.EndsWith($"/{type.Plural}", StringComparison.Ordinal))
            {
                return (type, path[prefix.Length..^(type.Plural.Length + 1)]);
            }
        }
        return null;
    }

    /// <summary>Makes the fake serve list and watch for <paramref name="type"/>.</summary>
    public FakeApi Serve(ResourceType type)
    {
        _knownTypes.Add(type);
        return this;
    }

    private sealed class Watcher(ResourceType type, string? @namespace)
    {
        // No back-pressure: a flush then always completes at once, so writes never overlap.
        private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 0));
        private readonly Lock _gate = new();
        private bool _closed;

        public ResourceType Type { get; } = type;

        public string? Namespace { get; } = @namespace;

        public PipeReader Reader => _pipe.Reader;

        public void Send(string eventType, JsonObject obj)
        {
            var line = new JsonObject { ["type"] = eventType, ["object"] = obj.DeepClone() }.ToJsonString() + "\n";
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }
                _pipe.Writer.Write(Encoding.UTF8.GetBytes(line));
                // Completes at once (no back-pressure); IsCompleted means the client went away.
                if (_pipe.Writer.FlushAsync().AsTask().GetAwaiter().GetResult().IsCompleted)
                {
                    _closed = true;
                    _pipe.Writer.Complete();
                }
            }
        }

        public bool IsClosed
        {
            get
            {
                lock (_gate)
                {
                    return _closed;
                }
            }
        }

        public void Close(Exception? failure = null)
        {
            lock (_gate)
            {
                if (!_closed)
                {
                    _closed = true;
                    _pipe.Writer.Complete(failure);
                }
            }
        }
    }
}
