using System.Net;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Operator.Tests.Kubernetes;
using Skyforge.Runtime.Events;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class EventRecorderTests : IAsyncDisposable
{
    private static readonly EventTarget Database = new("skyforge.dev/v1alpha1", "ManagedDatabase", "team-a", "orders", "uid-1");

    private readonly ManualTimeProvider _time = new();
    private readonly StubHttpHandler _handler;
    private readonly KubernetesClient _client;
    private readonly EventRecorder _recorder;
    private int _patchesToFail;

    public EventRecorderTests()
    {
        _handler = new StubHttpHandler(request =>
        {
            if (request.Method == "PATCH" && _patchesToFail-- > 0)
            {
                return StubHttpHandler.Status(404, "NotFound", "events \\\"x\\\" not found");
            }
            return StubHttpHandler.Json(HttpStatusCode.OK, request.Body ?? "{}");
        });
        _client = TestClients.Create(_handler);
        _recorder = new EventRecorder(_client, new EventRecorderOptions { Component = "skyforge-test", Instance = "pod-1", Burst = 3 }, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _recorder.DisposeAsync();
        _client.Dispose();
    }

    private RecordedRequest[] Requests => [.. _handler.Requests];

    [Fact]
    public async Task The_first_occurrence_creates_a_core_v1_event()
    {
        Assert.True(await _recorder.RecordAsync(Database, EventKind.Normal, "Creating", "creating DB instance", CancellationToken.None));

        var request = Assert.Single(Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/namespaces/team-a/events", request.Path);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.StartsWith("orders.", (string?)body["metadata"]!["name"]);
        Assert.Equal("ManagedDatabase", (string?)body["involvedObject"]!["kind"]);
        Assert.Equal("uid-1", (string?)body["involvedObject"]!["uid"]);
        Assert.Equal("Creating", (string?)body["reason"]);
        Assert.Equal("Normal", (string?)body["type"]);
        Assert.Equal(1, (int)body["count"]!);
        Assert.Equal("2025-01-01T12:00:00Z", (string?)body["firstTimestamp"]);
        Assert.Equal("skyforge-test", (string?)body["source"]!["component"]);
        Assert.Equal("pod-1", (string?)body["reportingInstance"]);
    }

    [Fact]
    public async Task A_repeat_patches_count_and_last_timestamp_of_the_same_event()
    {
        await _recorder.RecordAsync(Database, EventKind.Warning, "AwsUnavailable", "throttled", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        await _recorder.RecordAsync(Database, EventKind.Warning, "AwsUnavailable", "throttled", CancellationToken.None);
        await _recorder.RecordAsync(Database, EventKind.Warning, "AwsUnavailable", "throttled", CancellationToken.None);

        var requests = Requests;
        var created = JsonNode.Parse(requests[0].Body!)!;
        var eventPath = $"/api/v1/namespaces/team-a/events/{(string?)created["metadata"]!["name"]}";
        Assert.Equal(["POST", "PATCH", "PATCH"], requests.Select(request => request.Method));
        Assert.All(requests.Skip(1), request => Assert.Equal(eventPath, request.Path));
        Assert.All(requests.Skip(1), request => Assert.Equal("application/merge-patch+json", request.ContentType));
        Assert.Equal(2, (int)JsonNode.Parse(requests[1].Body!)!["count"]!);
        Assert.Equal(3, (int)JsonNode.Parse(requests[2].Body!)!["count"]!);
        Assert.Equal("2025-01-01T12:00:30Z", (string?)JsonNode.Parse(requests[1].Body!)!["lastTimestamp"]);
    }

    [Fact]
    public async Task A_different_message_is_a_different_event()
    {
        await _recorder.RecordAsync(Database, EventKind.Normal, "Updating", "resizing to db.r6g.large", CancellationToken.None);
        await _recorder.RecordAsync(Database, EventKind.Normal, "Updating", "resizing to db.r6g.xlarge", CancellationToken.None);

        Assert.Equal(["POST", "POST"], Requests.Select(request => request.Method));
    }

    [Fact]
    public async Task An_expired_event_is_created_anew()
    {
        await _recorder.RecordAsync(Database, EventKind.Normal, "Ready", "available", CancellationToken.None);
        _patchesToFail = 1;

        await _recorder.RecordAsync(Database, EventKind.Normal, "Ready", "available", CancellationToken.None);

        Assert.Equal(["POST", "PATCH", "POST"], Requests.Select(request => request.Method));
        Assert.Equal(1, (int)JsonNode.Parse(Requests[2].Body!)!["count"]!);
    }

    [Fact]
    public async Task A_noisy_object_is_rate_limited_and_recovers_over_time()
    {
        var written = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            written.Add(await _recorder.RecordAsync(Database, EventKind.Warning, "Failed", $"attempt {i}", CancellationToken.None));
        }
        _time.Advance(TimeSpan.FromMinutes(5));
        written.Add(await _recorder.RecordAsync(Database, EventKind.Warning, "Failed", "attempt 5", CancellationToken.None));

        Assert.Equal([true, true, true, false, false, true], written);
        Assert.Equal(4, Requests.Length);
    }

    [Fact]
    public async Task Cluster_scoped_objects_get_their_events_in_default()
    {
        await _recorder.RecordAsync(new EventTarget("v1", "Namespace", null, "team-a", "ns-uid"), EventKind.Normal, "Seen", "hello", CancellationToken.None);

        Assert.Equal("/api/v1/namespaces/default/events", Assert.Single(Requests).Path);
    }

    [Fact]
    public async Task Fire_and_forget_events_are_written_in_the_background()
    {
        _recorder.Record(Database, EventKind.Normal, "Creating", "one");
        _recorder.Record(Database, EventKind.Normal, "Creating", "one");

        await Eventually.HoldsAsync(() => _handler.Requests.Count == 2, "both events were written");
        Assert.Equal(["POST", "PATCH"], Requests.Select(request => request.Method));
    }

    [Fact]
    public async Task Write_failures_are_swallowed()
    {
        var failing = new StubHttpHandler(_ => StubHttpHandler.Status(403, "Forbidden", "events is forbidden"));
        using var client = TestClients.Create(failing);
        await using var recorder = new EventRecorder(client, null, _time);

        Assert.False(await recorder.RecordAsync(Database, EventKind.Normal, "Creating", "x", CancellationToken.None));
    }
}
