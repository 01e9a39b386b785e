using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Errors;
using Skyforge.Operator.Tests.Kubernetes;
using Skyforge.Runtime.Finalizers;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class FinalizerPatchesTests
{
    private static readonly ResourceType Widgets = new("example.com", "v1", "widgets", "Widget", Namespaced: true);

    private static CachedObject Cached(params string[] finalizers) => CachedObject.From(JsonSerializer.SerializeToElement(new JsonObject
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = "w",
            ["namespace"] = "team-a",
            ["resourceVersion"] = "17",
            ["finalizers"] = new JsonArray([.. finalizers.Select(name => (JsonNode?)name)]),
        },
    }));

    private static (StubHttpHandler Handler, KubernetesClient Client) Api(Func<RecordedRequest, HttpResponseMessage>? respond = null)
    {
        var handler = new StubHttpHandler(respond ?? (request => StubHttpHandler.Json(HttpStatusCode.OK, """{"metadata":{"name":"w"}}""")));
        return (handler, TestClients.Create(handler));
    }

    [Fact]
    public async Task Adding_patches_the_full_list_guarded_by_the_resource_version()
    {
        var (handler, client) = Api();
        using var _ = client;

        var updated = await FinalizerPatches.EnsureAsync(client, Widgets, Cached("other.example.com/cleanup"), "skyforge.dev/finalizer", CancellationToken.None);

        Assert.NotNull(updated);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("application/merge-patch+json", request.ContentType);
        Assert.Equal("/apis/example.com/v1/namespaces/team-a/widgets/w", request.Path);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("17", (string?)body["metadata"]!["resourceVersion"]);
        Assert.Equal(["other.example.com/cleanup", "skyforge.dev/finalizer"], body["metadata"]!["finalizers"]!.AsArray().Select(node => (string?)node));
    }

    [Fact]
    public async Task Nothing_is_written_when_the_finalizer_is_already_in_place_or_already_gone()
    {
        var (handler, client) = Api();
        using var _ = client;

        Assert.Null(await FinalizerPatches.EnsureAsync(client, Widgets, Cached("skyforge.dev/finalizer"), "skyforge.dev/finalizer", CancellationToken.None));
        Assert.Null(await FinalizerPatches.RemoveAsync(client, Widgets, Cached("other"), "skyforge.dev/finalizer", CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Removing_keeps_other_finalizers()
    {
        var (handler, client) = Api();
        using var _ = client;

        await FinalizerPatches.RemoveAsync(client, Widgets, Cached("a", "skyforge.dev/finalizer", "b"), "skyforge.dev/finalizer", CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(handler.Requests).Body!)!;
        Assert.Equal(["a", "b"], body["metadata"]!["finalizers"]!.AsArray().Select(node => (string?)node));
    }

    [Fact]
    public async Task A_stale_cache_surfaces_as_a_conflict_to_retry()
    {
        var (_, client) = Api(_ => StubHttpHandler.Status(409, "Conflict", "the object has been modified"));
        using var _ = client;

        await Assert.ThrowsAsync<KubernetesConflictException>(() =>
            FinalizerPatches.EnsureAsync(client, Widgets, Cached(), "skyforge.dev/finalizer", CancellationToken.None));
    }
}
