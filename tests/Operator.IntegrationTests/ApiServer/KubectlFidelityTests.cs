using System.Net;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

/// <summary>
/// The real kubectl as an independent client of the test API server. kubectl only sends bearer tokens
/// over TLS (client-go drops credentials for plain-HTTP kubeconfig clusters), so these servers use TLS.
/// </summary>
public sealed class KubectlFidelityTests : IAsyncLifetime
{
    private const string WidgetW1 = """
        apiVersion: test.skyforge.dev/v1
        kind: Widget
        metadata:
          name: w1
          labels:
            tier: gold
        spec:
          replicas: 2
        """;

    private const string WidgetW2 = """
        apiVersion: test.skyforge.dev/v1
        kind: Widget
        metadata:
          name: w2
          labels:
            tier: silver
        spec:
          size: large
        """;

    private TestApiServer _server = null!;
    private Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _server = await TestApiServer.StartAsync(new TestApiServerOptions { UseTls = true });
        _kubectl = new Kubectl(_server);
    }

    public async Task DisposeAsync()
    {
        _kubectl.Dispose();
        await _server.DisposeAsync();
    }

    private async Task InstallWidgetsWithKubectlAsync()
    {
        var crd = _kubectl.WriteFile("crd.yaml", TestResources.WidgetDefinitionYaml);
        var applied = (await _kubectl.RunAsync("apply", "--server-side", "-f", crd)).Expect();
        Assert.Equal("customresourcedefinition.apiextensions.k8s.io/widgets.test.skyforge.dev serverside-applied", applied.Trim());
        var established = (await _kubectl.RunAsync("wait", "--for", "condition=established", "crd/widgets.test.skyforge.dev", "--timeout=20s")).Expect();
        Assert.Equal("customresourcedefinition.apiextensions.k8s.io/widgets.test.skyforge.dev condition met", established.Trim());
    }

    private async Task ApplyWidgetsAsync()
    {
        await InstallWidgetsWithKubectlAsync();
        var output = (await _kubectl.RunAsync("apply", "--server-side", "-f", _kubectl.WriteFile("widgets.yaml", WidgetW1 + "\n---\n" + WidgetW2))).Expect();
        Assert.Equal(["widget.test.skyforge.dev/w1 serverside-applied", "widget.test.skyforge.dev/w2 serverside-applied"], Lines(output));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Crds_apply_server_side_and_become_established()
    {
        await InstallWidgetsWithKubectlAsync();

        var crd = _server.Store.Get("apiextensions.k8s.io", "customresourcedefinitions", "", "widgets.test.skyforge.dev");
        Assert.NotNull(crd);
        Assert.Equal("kubectl", crd!["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
        Assert.Equal("Apply", crd["metadata"]!["managedFields"]![0]!["operation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custom_resources_apply_server_side_and_read_back_as_json_tables_and_by_category()
    {
        await ApplyWidgetsAsync();

        var json = JsonNode.Parse((await _kubectl.RunAsync("get", "widget", "w1", "-o", "json")).Expect())!;
        var table = Lines((await _kubectl.RunAsync("get", "skyforgetest")).Expect());
        var byShortName = Lines((await _kubectl.RunAsync("get", "wdg", "w2")).Expect());

        Assert.Equal("Widget", json["kind"]!.GetValue<string>());
        Assert.Equal(2, json["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("small", json["spec"]!["size"]!.GetValue<string>());
        Assert.Equal("gold", json["metadata"]!["labels"]!["tier"]!.GetValue<string>());
        Assert.Equal(["NAME", "SIZE", "READY", "AGE"], Columns(table[0]));
        Assert.Equal(["w1", "small"], Columns(table[1])[..2]);
        Assert.Equal(["w2", "large"], Columns(table[2])[..2]);
        Assert.Equal(3, table.Length);
        Assert.Equal("w2", Columns(byShortName[1])[0]);
    }

    [Fact]
    public async Task Label_selectors_filter_kubectl_listings()
    {
        await ApplyWidgetsAsync();

        var gold = Lines((await _kubectl.RunAsync("get", "widgets", "-l", "tier=gold", "-o", "name")).Expect());
        var notGold = Lines((await _kubectl.RunAsync("get", "widgets", "-l", "tier!=gold", "-o", "name")).Expect());
        var none = await _kubectl.RunAsync("get", "widgets", "-l", "tier=platinum");

        Assert.Equal(["widget.test.skyforge.dev/w1"], gold);
        Assert.Equal(["widget.test.skyforge.dev/w2"], notGold);
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("No resources found in default namespace.", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_patches_from_kubectl_change_the_stored_object()
    {
        await ApplyWidgetsAsync();

        var output = (await _kubectl.RunAsync("patch", "widget", "w1", "--type", "merge", "-p", """{"spec":{"size":"large","replicas":4}}""")).Expect();

        Assert.Equal("widget.test.skyforge.dev/w1 patched", output.Trim());
        var stored = _server.Store.Get(TestResources.Group, "widgets", "default", "w1")!;
        Assert.Equal("large", stored["spec"]!["size"]!.GetValue<string>());
        Assert.Equal(4, stored["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("2", stored["metadata"]!["generation"]!.ToString());
        Assert.Contains(_server.Requests.ResourceRequests("kubectl"), r => r.Verb == "patch" && r.Resource == "widgets" && r.Name == "w1");
    }

    [Fact]
    public async Task Delete_waits_while_a_finalizer_is_present_and_completes_when_it_is_removed()
    {
        await ApplyWidgetsAsync();
        (await _kubectl.RunAsync("patch", "widget", "w1", "--type", "merge", "-p", """{"metadata":{"finalizers":["test.skyforge.dev/hold"]}}""")).Expect();

        using var delete = _kubectl.Start("delete", "widget", "w1", "--timeout=30s");
        await Eventually.TrueAsync(
            () => _server.Store.Get(TestResources.Group, "widgets", "default", "w1")?["metadata"]?["deletionTimestamp"] is not null,
            "kubectl's delete marked the widget for deletion");
        await Eventually.TrueAsync(
            () => _server.Requests.ResourceRequests("kubectl").Any(r => r.Verb == "watch" && r.Resource == "widgets"),
            "kubectl delete watches the widget while it waits");
        Assert.False(delete.HasExited, "kubectl delete must keep waiting while the finalizer is present");

        (await _kubectl.RunAsync("patch", "widget", "w1", "--type", "json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""")).Expect();
        var result = await delete.CompleteAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("widget.test.skyforge.dev \"w1\" deleted", result.Expect().Trim());
        Assert.Null(_server.Store.Get(TestResources.Group, "widgets", "default", "w1"));
    }

    [Fact]
    public async Task Wait_for_condition_ready_returns_once_the_status_reports_it()
    {
        await ApplyWidgetsAsync();
        using var client = ApiClient.For(_server);
        var requestsBefore = _server.Requests.Count;

        using var wait = _kubectl.Start("wait", "--for=condition=Ready", "widget/w1", "--timeout=30s");
        await Eventually.TrueAsync(
            () => _server.Requests.Snapshot().Skip(requestsBefore).Any(r => r.Verb == "watch" && r.Resource == "widgets"),
            "kubectl wait is watching the widget");
        Assert.False(wait.HasExited, "the condition is not met yet");
        (await client.MergePatchAsync($"{TestResources.WidgetsPath}/w1/status",
            JsonNode.Parse("""{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""")!)).Expect(HttpStatusCode.OK);
        var result = await wait.CompleteAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("widget.test.skyforge.dev/w1 condition met", result.Expect().Trim());
    }

    [Fact]
    public async Task Get_watch_prints_the_events_as_they_happen()
    {
        await ApplyWidgetsAsync();
        using var client = ApiClient.For(_server);

        using var watch = _kubectl.Start("get", "widgets", "--watch", "--output-watch-events");
        var header = await watch.ReadLineAsync();
        await watch.ReadLineUntilAsync(line => Columns(line)[1] == "w2");
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("w3", new JsonObject { ["size"] = "large" }))).Expect(HttpStatusCode.Created);
        var added = await watch.ReadLineUntilAsync(line => line.Contains("w3", StringComparison.Ordinal));
        (await client.MergePatchAsync($"{TestResources.WidgetsPath}/w3", JsonNode.Parse("""{"spec":{"size":"small"}}""")!)).Expect(HttpStatusCode.OK);
        var modified = await watch.ReadLineAsync();
        (await client.DeleteAsync($"{TestResources.WidgetsPath}/w3")).Expect(HttpStatusCode.OK);
        var deleted = await watch.ReadLineAsync();
        watch.Stop();

        Assert.Equal(["EVENT", "NAME", "SIZE", "READY", "AGE"], Columns(header));
        Assert.Equal(["ADDED", "w3", "large"], Columns(added)[..3]);
        Assert.Equal(["MODIFIED", "w3", "small"], Columns(modified)[..3]);
        Assert.Equal(["DELETED", "w3", "small"], Columns(deleted)[..3]);
    }

    [Fact]
    public async Task A_schema_invalid_manifest_is_rejected_with_the_field_path()
    {
        await InstallWidgetsWithKubectlAsync();
        var manifest = _kubectl.WriteFile("bad.yaml", """
            apiVersion: test.skyforge.dev/v1
            kind: Widget
            metadata:
              name: bad
            spec:
              size: huge
            """);

        var result = await _kubectl.RunAsync("apply", "--server-side", "-f", manifest);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The Widget \"bad\" is invalid", result.Error, StringComparison.Ordinal);
        Assert.Contains("spec.size: Unsupported value: \"huge\"", result.Error, StringComparison.Ordinal);
        Assert.Null(_server.Store.Get(TestResources.Group, "widgets", "default", "bad"));
    }

    [Fact]
    public async Task Strict_field_validation_from_kubectl_rejects_unknown_fields()
    {
        await InstallWidgetsWithKubectlAsync();
        var manifest = _kubectl.WriteFile("unknown.yaml", """
            apiVersion: test.skyforge.dev/v1
            kind: Widget
            metadata:
              name: odd
            spec:
              colour: red
            """);

        var result = await _kubectl.RunAsync("create", "-f", manifest);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown field \"spec.colour\"", result.Error, StringComparison.Ordinal);
    }
}
