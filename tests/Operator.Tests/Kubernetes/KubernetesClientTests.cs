using System.Net;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Http;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Typed;
using Skyforge.Operator.Tests.Runtime;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class KubernetesClientTests
{
    private const string Widget = """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","namespace":"team-a","resourceVersion":"7"},"spec":{"size":3}}""";

    private static readonly ResourceType Widgets = new("example.com", "v1", "widgets", "Widget", Namespaced: true);

    private static JsonObject WidgetObject => JsonNode.Parse(Widget)!.AsObject();

    private static StubHttpHandler Answering(string json) => new(_ => StubHttpHandler.Json(HttpStatusCode.OK, json));

    [Fact]
    public async Task Get_sends_an_authenticated_json_request_to_the_object_path()
    {
        var handler = Answering(Widget);
        using var client = TestClients.Create(handler);

        var widget = await client.GetAsync(Widgets, "team-a", "w");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("https://api.test.local:6443/apis/example.com/v1/namespaces/team-a/widgets/w", request.Uri.ToString());
        Assert.Equal("Bearer test-token", request.Authorization);
        Assert.Equal("application/json", request.Accept);
        Assert.Equal(3, (int)widget["spec"]!["size"]!);
    }

    [Fact]
    public async Task A_server_url_with_a_path_prefix_keeps_the_prefix()
    {
        var handler = Answering(Widget);
        using var client = new KubernetesClient(
            new KubernetesClientConfiguration { Server = new Uri("https://rancher.example.com/k8s/clusters/c-1/") },
            new KubernetesClientOptions { Qps = 0 },
            transport: handler);

        await client.GetAsync(Widgets, "team-a", "w");

        Assert.Equal("/k8s/clusters/c-1/apis/example.com/v1/namespaces/team-a/widgets/w", Assert.Single(handler.Requests).Path);
    }

    [Fact]
    public async Task List_encodes_selectors_and_paging_parameters()
    {
        var handler = Answering("""{"kind":"WidgetList","apiVersion":"example.com/v1","metadata":{"resourceVersion":"42","continue":"next-page","remainingItemCount":5},"items":[]}""");
        using var client = TestClients.Create(handler);

        var page = await client.ListAsync(Widgets, "team-a", new ListOptions
        {
            LabelSelector = Skyforge.Kubernetes.Requests.LabelSelector.Everything.Equal("app", "web").In("tier", ["a", "b"]),
            FieldSelector = FieldSelector.ByName("w"),
            Limit = 50,
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("?labelSelector=app%3Dweb%2Ctier%20in%20%28a%2Cb%29&fieldSelector=metadata.name%3Dw&limit=50", request.Query);
        Assert.Equal("42", page.ResourceVersion);
        Assert.Equal("next-page", page.Continue);
        Assert.Equal(5, page.RemainingItemCount);
    }

    [Fact]
    public async Task List_all_follows_continue_tokens_and_returns_every_item()
    {
        var handler = new StubHttpHandler(request => request.QueryValue("continue") switch
        {
            null => StubHttpHandler.Json(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10","continue":"t1"},"items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]}"""),
            "t1" => StubHttpHandler.Json(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10"},"items":[{"metadata":{"name":"c"}}]}"""),
            _ => StubHttpHandler.Status(400, "BadRequest", "unexpected"),
        });
        using var client = TestClients.Create(handler);

        var all = await client.ListAllAsync(Widgets, null, new ListOptions { Limit = 2, ResourceVersion = "0" });

        Assert.Equal(["a", "b", "c"], all.Items.Select(item => (string?)item["metadata"]!["name"]));
        Assert.Equal("10", all.ResourceVersion);
        var requests = handler.Requests.ToArray();
        Assert.Equal("/apis/example.com/v1/widgets", requests[0].Path);
        Assert.Equal("0", requests[0].QueryValue("resourceVersion"));
        Assert.Null(requests[1].QueryValue("resourceVersion"));
        Assert.Equal("2", requests[1].QueryValue("limit"));
    }

    [Fact]
    public async Task List_all_falls_back_to_one_full_list_when_the_continue_token_expires()
    {
        var handler = new StubHttpHandler(request => (request.QueryValue("continue"), request.QueryValue("limit")) switch
        {
            (null, "1") => StubHttpHandler.Json(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10","continue":"t1"},"items":[{"metadata":{"name":"a"}}]}"""),
            ("t1", _) => StubHttpHandler.Status(410, "Expired", "The provided continue parameter is too old"),
            (null, null) => StubHttpHandler.Json(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"12"},"items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]}"""),
            _ => StubHttpHandler.Status(400, "BadRequest", "unexpected"),
        });
        using var client = TestClients.Create(handler);

        var all = await client.ListAllAsync(Widgets, "team-a", new ListOptions { Limit = 1 });

        Assert.Equal(2, all.Items.Count);
        Assert.Equal("12", all.ResourceVersion);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Create_posts_to_the_collection_with_the_field_manager()
    {
        var handler = Answering(Widget);
        using var client = TestClients.Create(handler);

        await client.CreateAsync(Widgets, WidgetObject, new WriteOptions { FieldManager = "creator", DryRun = true });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/apis/example.com/v1/namespaces/team-a/widgets", request.Path);
        Assert.Equal("creator", request.QueryValue("fieldManager"));
        Assert.Equal("All", request.QueryValue("dryRun"));
        Assert.Equal("application/json", request.ContentType);
        Assert.True(JsonNode.DeepEquals(WidgetObject, JsonNode.Parse(request.Body!)));
    }

    [Fact]
    public async Task Update_puts_the_object_with_its_resource_version_and_a_stale_one_conflicts()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Status(409, "Conflict", "Operation cannot be fulfilled on widgets.example.com \\\"w\\\": the object has been modified; please apply your changes to the latest version and try again"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<KubernetesConflictException>(() => client.UpdateAsync(Widgets, WidgetObject));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/apis/example.com/v1/namespaces/team-a/widgets/w", request.Path);
        Assert.Equal("7", (string?)JsonNode.Parse(request.Body!)!["metadata"]!["resourceVersion"]);
        Assert.Contains("the object has been modified", error.Message);
    }

    [Fact]
    public async Task Status_subresource_get_update_and_patch_use_the_status_path()
    {
        var handler = Answering(Widget);
        using var client = TestClients.Create(handler);

        await client.GetAsync(Widgets, "team-a", "w", new GetOptions { Subresource = "status" });
        await client.UpdateStatusAsync(Widgets, WidgetObject);
        await client.PatchStatusAsync(Widgets, "team-a", "w", KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["ready"] = true } }));

        Assert.All(handler.Requests, request => Assert.Equal("/apis/example.com/v1/namespaces/team-a/widgets/w/status", request.Path));
        Assert.Equal(["GET", "PUT", "PATCH"], handler.Requests.Select(request => request.Method));
    }

    [Theory]
    [InlineData(PatchType.Merge, "application/merge-patch+json")]
    [InlineData(PatchType.Json, "application/json-patch+json")]
    [InlineData(PatchType.StrategicMerge, "application/strategic-merge-patch+json")]
    public async Task Patches_carry_their_content_type(PatchType type, string contentType)
    {
        var handler = Answering(Widget);
        using var client = TestClients.Create(handler);
        JsonNode body = type == PatchType.Json
            ? new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/spec/size", ["value"] = 4 })
            : new JsonObject { ["spec"] = new JsonObject { ["size"] = 4 } };

        await client.PatchAsync(Widgets, "team-a", "w", new KubernetesPatch(type, body));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(contentType, request.ContentType);
        Assert.True(JsonNode.DeepEquals(body, JsonNode.Parse(request.Body!)));
        Assert.Equal("unit-tests", request.QueryValue("fieldManager"));
    }

    [Fact]
    public async Task Server_side_apply_sends_apply_yaml_with_field_manager_and_force_and_fills_type_meta()
    {
        var handler = Answering(Widget);
        using var client = TestClients.Create(handler);
        var desired = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "w", ["namespace"] = "team-a" }, ["spec"] = new JsonObject { ["size"] = 5 } };

        await client.ApplyAsync(Widgets, desired, new ApplyOptions { FieldManager = "skyforge-operator", Force = true });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("application/apply-patch+yaml", request.ContentType);
        Assert.Equal("/apis/example.com/v1/namespaces/team-a/widgets/w", request.Path);
        Assert.Equal("skyforge-operator", request.QueryValue("fieldManager"));
        Assert.Equal("true", request.QueryValue("force"));
        var sent = JsonNode.Parse(request.Body!)!;
        Assert.Equal("example.com/v1", (string?)sent["apiVersion"]);
        Assert.Equal("Widget", (string?)sent["kind"]);
    }

    [Fact]
    public async Task Apply_without_any_field_manager_is_refused_before_sending()
    {
        var handler = Answering(Widget);
        using var client = TestClients.Create(handler, options: new KubernetesClientOptions { Qps = 0 });

        await Assert.ThrowsAsync<ArgumentException>(() => client.ApplyAsync(Widgets, WidgetObject));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Delete_sends_delete_options_and_distinguishes_status_from_object_answers()
    {
        var answers = new Queue<HttpResponseMessage>([
            StubHttpHandler.Json(HttpStatusCode.OK, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"w"}}"""),
            StubHttpHandler.Json(HttpStatusCode.OK, """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","namespace":"team-a","deletionTimestamp":"2025-01-01T00:00:00Z","finalizers":["x"]}}"""),
        ]);
        var handler = new StubHttpHandler(_ => answers.Dequeue());
        using var client = TestClients.Create(handler);
        var options = new DeleteOptions { PropagationPolicy = PropagationPolicy.Foreground, PreconditionUid = "uid-1", PreconditionResourceVersion = "7" };

        var gone = await client.DeleteAsync(Widgets, "team-a", "w", options);
        var pending = await client.DeleteAsync(Widgets, "team-a", "w");

        Assert.Null(gone);
        Assert.NotNull(pending!["metadata"]!["deletionTimestamp"]);
        var body = JsonNode.Parse(handler.Requests.First().Body!)!;
        Assert.Equal("DeleteOptions", (string?)body["kind"]);
        Assert.Equal("Foreground", (string?)body["propagationPolicy"]);
        Assert.Equal("uid-1", (string?)body["preconditions"]!["uid"]);
        Assert.Equal("7", (string?)body["preconditions"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Delete_if_exists_treats_not_found_as_already_done()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Status(404, "NotFound", "not found"));
        using var client = TestClients.Create(handler);

        Assert.False(await client.DeleteIfExistsAsync(Widgets, "team-a", "w"));
        Assert.Null(await client.TryGetAsync(Widgets, "team-a", "w"));
    }

    [Fact]
    public async Task Typed_access_reads_and_writes_models()
    {
        var handler = Answering("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"team-a"},"type":"Opaque","data":{"password":"aHVudGVyMg=="}}""");
        using var client = TestClients.Create(handler);
        var secrets = client.Resource(TypedResources.Secrets);

        var secret = await secrets.GetAsync("team-a", "db");
        await secrets.CreateAsync(secret with { Metadata = secret.Metadata with { Name = "copy", ResourceVersion = null } });

        Assert.Equal("hunter2", System.Text.Encoding.UTF8.GetString(secret.Data!["password"]));
        var sent = JsonNode.Parse(handler.Requests.Last().Body!)!;
        Assert.Equal("aHVudGVyMg==", (string?)sent["data"]!["password"]);
        Assert.Equal("/api/v1/namespaces/team-a/secrets", handler.Requests.Last().Path);
    }

    [Fact]
    public async Task Watch_requests_bookmarks_from_a_version_and_yields_events()
    {
        var handler = Answering("""
            {"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"43"}}}
            {"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"50"}}}
            """);
        using var client = TestClients.Create(handler);

        var events = new List<Skyforge.Kubernetes.Watching.WatchEvent<JsonObject>>();
        await foreach (var watchEvent in client.WatchAsync(Widgets, "team-a", new WatchOptions { ResourceVersion = "42", TimeoutSeconds = 300 }))
        {
            events.Add(watchEvent);
        }

        var request = Assert.Single(handler.Requests);
        Assert.Equal("?watch=true&resourceVersion=42&allowWatchBookmarks=true&timeoutSeconds=300", request.Query);
        Assert.Equal(["43", "50"], events.Select(e => e.ResourceVersion));
    }

    [Fact]
    public async Task Throttled_requests_wait_for_retry_after_then_succeed()
    {
        var time = new ManualTimeProvider();
        var answers = new Queue<HttpResponseMessage>();
        var throttled = StubHttpHandler.Status(429, "TooManyRequests", "slow down");
        throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
        answers.Enqueue(throttled);
        answers.Enqueue(StubHttpHandler.Json(HttpStatusCode.OK, Widget));
        var handler = new StubHttpHandler(_ => answers.Dequeue());
        using var client = TestClients.Create(handler, time);

        var pending = client.GetAsync(Widgets, "team-a", "w");
        await Eventually.HoldsAsync(() => handler.Requests.Count == 1 && time.ActiveTimerCount > 1, "the client waits after the 429");
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var widget = await pending;

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("w", (string?)widget["metadata"]!["name"]);
    }

    [Fact]
    public async Task Throttling_beyond_the_retry_budget_surfaces_with_its_retry_after()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Status(429, "TooManyRequests", "slow down", ",\"details\":{\"retryAfterSeconds\":0}"));
        using var client = TestClients.Create(handler, options: new KubernetesClientOptions { Qps = 0, MaxThrottleRetries = 2, DefaultRetryAfter = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<KubernetesTooManyRequestsException>(() => client.GetAsync(Widgets, "team-a", "w"));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(429, error.StatusCode);
    }

    [Fact]
    public async Task A_401_refreshes_a_rotating_credential_once_and_retries()
    {
        using var dir = new TempDirectory();
        var tokenPath = dir.Write("token", "old-token");
        var handler = new StubHttpHandler(request => request.Authorization == "Bearer new-token"
            ? StubHttpHandler.Json(HttpStatusCode.OK, Widget)
            : StubHttpHandler.Status(401, "Unauthorized", "Unauthorized"));
        using var client = TestClients.Create(handler, credentials: new TokenFileCredentialProvider(tokenPath, TimeProvider.System));
        await Assert.ThrowsAsync<KubernetesUnauthorizedException>(() => client.GetAsync(Widgets, "team-a", "w"));

        File.WriteAllText(tokenPath, "new-token");
        await client.GetAsync(Widgets, "team-a", "w");

        // The cached token is tried first; its 401 makes the client re-read the file and retry once.
        Assert.Equal(["Bearer old-token", "Bearer old-token", "Bearer old-token", "Bearer new-token"], handler.Requests.Select(request => request.Authorization));
    }

    [Fact]
    public async Task Requests_beyond_the_burst_wait_for_the_rate_limiter()
    {
        var time = new ManualTimeProvider();
        var handler = Answering(Widget);
        using var client = TestClients.Create(handler, time, new KubernetesClientOptions { Qps = 1, Burst = 2 });

        await client.GetAsync(Widgets, "team-a", "w");
        await client.GetAsync(Widgets, "team-a", "w");
        var third = client.GetAsync(Widgets, "team-a", "w");
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await third;

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_request_that_exceeds_its_timeout_fails_with_timeout()
    {
        var time = new ManualTimeProvider();
        var handler = new StubHttpHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return StubHttpHandler.Json(HttpStatusCode.OK, Widget);
        });
        using var client = TestClients.Create(handler, time, new KubernetesClientOptions { Qps = 0, RequestTimeout = TimeSpan.FromSeconds(5) });

        var pending = client.GetAsync(Widgets, "team-a", "w");
        await Eventually.HoldsAsync(() => handler.Requests.Count == 1, "the request was sent");
        time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<TimeoutException>(() => pending);
    }

    [Fact]
    public async Task Every_request_is_counted_by_verb_resource_and_code()
    {
        using var recorder = new MeasurementRecorder();
        var answers = new Queue<HttpResponseMessage>([StubHttpHandler.Json(HttpStatusCode.OK, Widget), StubHttpHandler.Status(404, "NotFound", "nope")]);
        using var client = TestClients.Create(new StubHttpHandler(_ => answers.Dequeue()), metrics: new KubernetesClientMetrics(recorder));

        await client.GetAsync(Widgets, "team-a", "w");
        await client.TryGetAsync(Widgets, "team-a", "w");

        var counted = recorder.Of(KubernetesClientMetrics.RequestsTotal);
        Assert.Equal(2, counted.Count);
        Assert.Equal("get", counted[0].Tags["verb"]);
        Assert.Equal("widgets.example.com", counted[0].Tags["resource"]);
        Assert.Equal("200", counted[0].Tags["code"]);
        Assert.Equal("404", counted[1].Tags["code"]);
    }

    [Fact]
    public async Task Discovery_reports_whether_a_resource_is_served_and_caches_the_answer()
    {
        var handler = new StubHttpHandler(request => request.Path switch
        {
            "/apis/monitoring.coreos.com/v1" => StubHttpHandler.Json(HttpStatusCode.OK, """{"kind":"APIResourceList","groupVersion":"monitoring.coreos.com/v1","resources":[{"name":"servicemonitors","namespaced":true,"kind":"ServiceMonitor","verbs":["get","list"]},{"name":"servicemonitors/status","namespaced":true,"kind":"ServiceMonitor","verbs":["get"]}]}"""),
            _ => StubHttpHandler.Status(404, "NotFound", "the server could not find the requested resource"),
        });
        using var client = TestClients.Create(handler);
        var discovery = new Skyforge.Kubernetes.Discovery.ApiDiscovery(client, new ManualTimeProvider());

        Assert.True(await discovery.IsServedAsync(new ResourceType("monitoring.coreos.com", "v1", "servicemonitors", "ServiceMonitor", true), CancellationToken.None));
        Assert.False(await discovery.IsServedAsync(new ResourceType("monitoring.coreos.com", "v1", "prometheusrules", "PrometheusRule", true), CancellationToken.None));
        Assert.False(await discovery.IsServedAsync(new ResourceType("absent.example.com", "v1", "things", "Thing", true), CancellationToken.None));

        Assert.Equal(2, handler.Requests.Count);
    }
}
