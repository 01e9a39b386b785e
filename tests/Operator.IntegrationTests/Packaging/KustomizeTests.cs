using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.IntegrationTests.ApiServer;
using Skyforge.Operator.IntegrationTests.Foundation;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.Packaging;

/// <summary>`kubectl kustomize config/default` renders the whole installation, and the real kubectl applies it.</summary>
public sealed class KustomizeTests : IAsyncLifetime
{
    private const string Namespace = "skyforge-system";
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

    [Fact]
    public async Task The_default_kustomization_renders_a_complete_namespaced_installation()
    {
        var rendered = (await _kubectl.RunAsync("kustomize", Path.Combine(RepositoryFiles.Root, "config", "default"))).Expect();
        var objects = YamlDocuments.Parse(rendered).OfType<JsonObject>().ToList();

        var crds = objects.Where(obj => Kind(obj) == "CustomResourceDefinition").Select(Name).Order().ToList();
        var expectedCrds = Directory.GetFiles(RepositoryFiles.Crds, "*.yaml")
            .Select(file => Name(YamlDocuments.ParseSingle(File.ReadAllText(file)).AsObject())).Order().ToList();
        Assert.Equal(expectedCrds, crds);
        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Namespace", "Role", "RoleBinding", "Service", "ServiceAccount"],
            objects.Select(Kind).Distinct().Order());
        Assert.Equal(Namespace, Name(Single(objects, "Namespace")));
        Assert.All(
            objects.Where(obj => Kind(obj) is not ("Namespace" or "CustomResourceDefinition" or "ClusterRole" or "ClusterRoleBinding")),
            obj => Assert.Equal(Namespace, obj["metadata"]!["namespace"]!.GetValue<string>()));

        var serviceAccount = Name(Single(objects, "ServiceAccount"));
        foreach (var binding in objects.Where(obj => Kind(obj) is "ClusterRoleBinding" or "RoleBinding"))
        {
            var subject = binding["subjects"]!.AsArray().Single()!;
            Assert.Equal(("ServiceAccount", serviceAccount, Namespace), (subject["kind"]!.GetValue<string>(), subject["name"]!.GetValue<string>(), subject["namespace"]!.GetValue<string>()));
            var roleKind = Kind(binding) == "RoleBinding" ? "Role" : "ClusterRole";
            Assert.Equal(Name(Single(objects, roleKind)), binding["roleRef"]!["name"]!.GetValue<string>());
        }

        var deployment = Single(objects, "Deployment");
        Assert.Equal(2, deployment["spec"]!["replicas"]!.GetValue<long>());
        var pod = deployment["spec"]!["template"]!["spec"]!.AsObject();
        Assert.Equal(serviceAccount, pod["serviceAccountName"]!.GetValue<string>());
        Assert.True(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.Equal("RuntimeDefault", pod["securityContext"]!["seccompProfile"]!["type"]!.GetValue<string>());
        var container = pod["containers"]!.AsArray().Single()!.AsObject();
        Assert.Equal(["--leader-elect", "--metrics-addr=:8080", "--health-addr=:8081"], Strings(container["args"]));
        Assert.Equal("/healthz", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/readyz", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        var ports = container["ports"]!.AsArray().ToDictionary(port => port!["name"]!.GetValue<string>(), port => port!["containerPort"]!.GetValue<long>());
        Assert.Equal(new Dictionary<string, long> { ["metrics"] = 8080, ["health"] = 8081 }, ports);
        Assert.Equal("health", container["livenessProbe"]!["httpGet"]!["port"]!.GetValue<string>());
        Assert.Equal("health", container["readinessProbe"]!["httpGet"]!["port"]!.GetValue<string>());
        Assert.Equal("""{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"50m","memory":"128Mi"}}""", container["resources"]!.ToJsonString());
        Assert.False(container["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
        Assert.True(container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.Equal(["ALL"], Strings(container["securityContext"]!["capabilities"]!["drop"]));
        var env = container["env"]!.AsArray().ToDictionary(variable => variable!["name"]!.GetValue<string>(), variable => variable!.AsObject());
        Assert.Equal("metadata.name", env["POD_NAME"]["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"]["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.True(env.ContainsKey("AWS_REGION"));

        var service = Single(objects, "Service");
        Assert.Equal("metrics", service["spec"]!["ports"]![0]!["targetPort"]!.GetValue<string>());
        var podLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.All(service["spec"]!["selector"]!.AsObject(), label => Assert.Equal(label.Value!.GetValue<string>(), podLabels[label.Key]?.GetValue<string>()));

        var file = _kubectl.WriteFile("installation.yaml", rendered);
        (await _kubectl.RunAsync("apply", "--server-side", "-f", file)).Expect();
        Assert.NotNull(_server.Store.Get("apps", "deployments", Namespace, "skyforge-operator"));
        Assert.NotNull(_server.Store.Get("rbac.authorization.k8s.io", "clusterroles", "", "skyforge-operator"));
    }

    private static string Kind(JsonObject obj) => obj["kind"]!.GetValue<string>();

    private static string Name(JsonObject obj) => obj["metadata"]!["name"]!.GetValue<string>();

    private static JsonObject Single(IEnumerable<JsonObject> objects, string kind) => Assert.Single(objects, obj => Kind(obj) == kind);

    private static List<string> Strings(JsonNode? node) => node!.AsArray().Select(item => item!.GetValue<string>()).ToList();
}
