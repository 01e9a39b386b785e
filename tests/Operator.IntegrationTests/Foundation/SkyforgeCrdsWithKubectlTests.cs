using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.IntegrationTests.ApiServer;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.Foundation;

/// <summary>
/// The committed CRDs and samples through the real kubectl: the schema a cluster gets is the one
/// the generator wrote, and every sample is accepted as is.
/// </summary>
public sealed class SkyforgeCrdsWithKubectlTests : IAsyncLifetime
{
    private TestApiServer _server = null!;
    private Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _server = await TestApiServer.StartAsync(new TestApiServerOptions { UseTls = true });
        _kubectl = new Kubectl(_server);
        (await _kubectl.RunAsync("apply", "--server-side", "-f", RepositoryFiles.Crds)).Expect();
        (await _kubectl.RunAsync("wait", "--for", "condition=established", "crd", "--all", "--timeout=30s")).Expect();
    }

    public async Task DisposeAsync()
    {
        _kubectl.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_sample_applies_server_side_and_lists_under_the_skyforge_category()
    {
        var samples = Directory.GetFiles(RepositoryFiles.Samples, "*.yaml").Order().ToList();
        var namespaces = samples
            .SelectMany(file => YamlDocuments.Parse(File.ReadAllText(file)))
            .Select(document => document["metadata"]!["namespace"]!.GetValue<string>())
            .Distinct()
            .Select(ns => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n");
        (await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile("namespaces.yaml", string.Join("---\n", namespaces)))).Expect();

        foreach (var sample in samples)
        {
            var output = (await _kubectl.RunAsync("apply", "--server-side", "-f", sample)).Expect();
            Assert.EndsWith("serverside-applied", output.Trim());
        }

        var listed = (await _kubectl.RunAsync("get", "skyforge", "-A", "-o", "name")).Expect();
        var names = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
        Assert.Equal(samples.Count, names.Count);
        Assert.Contains("appplatform.platform.skyforge.dev/wallet", names);
        Assert.Contains("manageddatabase.platform.skyforge.dev/orders-db", names);
    }

    [Fact]
    public async Task Defaults_from_the_schema_show_in_what_the_cluster_stores()
    {
        (await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n"))).Expect();
        (await _kubectl.RunAsync("apply", "--server-side", "-f", Path.Combine(RepositoryFiles.Samples, "manageddatabase.yaml"))).Expect();

        var json = (await _kubectl.RunAsync("get", "mdb", "orders-db", "-n", "demo", "-o", "jsonpath={.spec.deletionPolicy} {.spec.provider} {.spec.backup.retentionDays} {.spec.masterUsername}")).Expect();

        Assert.Equal("Snapshot aws 7 dbadmin", json.Trim());
    }

    [Fact]
    public async Task Kubectl_explain_shows_the_doc_comments()
    {
        var output = (await _kubectl.RunAsync("explain", "manageddatabase.spec.engine")).Expect();
        Assert.Contains("Database engine. Cannot change after creation.", output);
    }

    [Fact]
    public async Task A_manifest_breaking_a_cel_rule_is_rejected_with_the_field_path()
    {
        (await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"))).Expect();
        var manifest = _kubectl.WriteFile("bad.yaml", """
            apiVersion: platform.skyforge.dev/v1alpha1
            kind: AppPlatform
            metadata:
              name: shop
              namespace: shop
            spec:
              target: eks
              services:
                - name: web
                  image: nginx:1.27
                  port: 80
                  autoscaling: {minReplicas: 5, maxReplicas: 2}
            """);

        var result = await _kubectl.RunAsync("apply", "--server-side", "-f", manifest);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("spec.services[0].autoscaling.maxReplicas", result.Error);
        Assert.Contains("must be >= minReplicas (5)", result.Error);
    }

    [Fact]
    public async Task Changing_an_immutable_field_is_rejected()
    {
        (await _kubectl.RunAsync("apply", "-f", _kubectl.WriteFile("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n"))).Expect();
        var sample = Path.Combine(RepositoryFiles.Samples, "manageddatabase.yaml");
        (await _kubectl.RunAsync("apply", "--server-side", "-f", sample)).Expect();

        var result = await _kubectl.RunAsync("patch", "mdb", "orders-db", "-n", "demo", "--type", "merge", "-p", "{\"spec\":{\"engine\":\"mysql\"}}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("engine is immutable", result.Error);
    }
}
