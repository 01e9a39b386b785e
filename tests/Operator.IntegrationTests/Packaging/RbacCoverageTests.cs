using Microsoft.Extensions.DependencyInjection;
using Skyforge.Aws;
using Skyforge.Aws.Credentials;
using Skyforge.Crds.Generation;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Controllers.Apps;
using Skyforge.Operator.Hosting;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.DataServices;
using Skyforge.Operator.IntegrationTests.Foundation;
using Skyforge.Operator.IntegrationTests.Hosting;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.ApiServer.Recording;

namespace Skyforge.Operator.IntegrationTests.Packaging;

/// <summary>
/// config/rbac against what the operator really does (<see cref="RbacScenario"/>: every data-service kind and an
/// AppPlatform through create, update and delete, with the real `skyforge run` host taking and releasing its
/// leader-election Lease), all against the TestKit API server, whose request log gives the (group, resource, verb)
/// triples and namespaces the operator needed. Watching all namespaces, every one must be granted and every grant
/// needed; watching one namespace, a Role there (the Helm chart's RBAC with watchNamespace) must suffice.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RbacCoverageTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "shop";
    private const string OperatorNamespace = "skyforge-system";
    private const string OtherNamespace = "elsewhere";

    /// <summary>The test's own requests carry this User-Agent and are left out; the operator's all start with "skyforge-".</summary>
    private const string TestUserAgent = "rbac-coverage-test";

    /// <summary>The `skyforge run` host's User-Agent, followed by its version.</summary>
    private const string RunHostUserAgent = "skyforge-operator/";

    private static readonly string ConfigRbac = Path.Combine(RepositoryFiles.Root, "config", "rbac");

    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"skyforge-rbac-{Guid.NewGuid():N}.kubeconfig");

    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync()
    {
        File.Delete(_kubeconfig);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_roles_grant_exactly_what_the_operator_uses()
    {
        await using var dataServices = await DataServicesOperator.StartAsync(moto, Namespace, OperatorNamespace);
        using var user = User(dataServices.Server);
        await using (var host = await RunningOperator.StartAsync(
            _kubeconfig,
            ["--leader-elect", "--leader-election-namespace", OperatorNamespace, "--aws-region", MotoFixture.Region],
            modules: [new AppPlatformModule()]))
        {
            await WaitForLeaseAsync(dataServices.Server);
            await RunWithLogsAsync(host, new RbacScenario(dataServices.Server, user, Namespace).RunAsync);
            Assert.Equal(0, await host.StopAsync());
        }

        var used = dataServices.Server.Requests.RbacRules("skyforge-").ToHashSet();
        var granted = RbacManifests.GrantedRules(ConfigRbac);

        var missing = used.Except(granted).Select(Describe).Order().ToList();
        Assert.True(missing.Count == 0, $"used but not granted by config/rbac:\n{string.Join('\n', missing)}");
        var unused = granted.Except(used).Select(Describe).Order().ToList();
        Assert.True(unused.Count == 0, $"granted by config/rbac but never used:\n{string.Join('\n', unused)}");
    }

    /// <summary>
    /// `skyforge run --namespace shop` with every module, as the Helm chart runs it with watchNamespace: each request must
    /// be in shop and granted by config/rbac/role.yaml (the chart's Role there), in the Lease namespace and granted by the
    /// leader-election Role, or API discovery, which Kubernetes allows every authenticated user (system:discovery).
    /// </summary>
    [Fact]
    public async Task Watching_one_namespace_the_operator_needs_only_a_role_there_and_the_lease_role()
    {
        await using var server = await TestApiServer.StartAsync(new TestApiServerOptions { InitialNamespaces = ["default", Namespace, OperatorNamespace, OtherNamespace] });
        foreach (var (_, crd) in CrdGenerator.ForSkyforgeKinds().GenerateAll())
        {
            server.InstallCustomResourceDefinition(crd);
        }
        using var user = User(server);
        var foreignType = SkyforgeResourceTypes.ManagedDatabases;
        await user.ApplyAsync(foreignType, RbacScenario.InClusterDatabase(OtherNamespace, "250m"), new ApplyOptions { FieldManager = "kubectl", Force = true });

        await using (var host = await RunningOperator.StartAsync(
            _kubeconfig,
            [
                "--namespace", Namespace, "--leader-elect", "--leader-election-namespace", OperatorNamespace,
                "--aws-region", MotoFixture.Region, "--aws-endpoint-url", moto.Proxy.Endpoint.ToString(),
            ],
            modules: [.. OperatorModules.All, MotoAccount()]))
        {
            await WaitForLeaseAsync(server);
            await RunWithLogsAsync(host, new RbacScenario(server, user, Namespace).RunAsync);
            Assert.Equal(0, await host.StopAsync());
        }

        var role = RbacManifests.GrantedRulesInFile(Path.Combine(ConfigRbac, "role.yaml"));
        var leaseRole = RbacManifests.GrantedRulesInFile(Path.Combine(ConfigRbac, "leader_election_role.yaml"));
        var requests = server.Requests.Snapshot().Where(request => request.UserAgent.StartsWith(RunHostUserAgent, StringComparison.Ordinal)).ToList();
        var forbidden = requests
            .Select(request => (Request: request, Reason: Forbidden(request, role, leaseRole)))
            .Where(check => check.Reason is not null)
            .Select(check => $"{check.Request.Verb} {check.Request.Path}: {check.Reason}")
            .Distinct().Order().ToList();
        Assert.True(forbidden.Count == 0, $"with --namespace {Namespace} the operator made requests a Role in {Namespace} would not allow:\n{string.Join('\n', forbidden)}");
        Assert.Contains(requests, request => request.Namespace == Namespace && request.Verb == "watch");

        var foreign = await user.GetAsync(foreignType, OtherNamespace, "inventory");
        Assert.True(
            foreign["status"] is null && foreign["metadata"]!["finalizers"] is null,
            $"the operator watching {Namespace} reconciled ManagedDatabase {OtherNamespace}/inventory");
    }

    /// <summary>Why RBAC with a Role in <see cref="Namespace"/> and the Lease Role would refuse the request; null when it allows it.</summary>
    private static string? Forbidden(
        RecordedRequest request,
        IReadOnlySet<(string Group, string Resource, string Verb)> role,
        IReadOnlySet<(string Group, string Resource, string Verb)> leaseRole)
    {
        if (!request.IsResourceRequest)
        {
            return IsDiscovery(request.Path) ? null : "a non-resource URL other than discovery";
        }
        var rule = (request.Group, request.Subresource.Length == 0 ? request.Resource : $"{request.Resource}/{request.Subresource}", request.Verb);
        return request.Namespace switch
        {
            Namespace => role.Contains(rule) ? null : $"{Describe(rule)} is not in config/rbac/role.yaml",
            OperatorNamespace => leaseRole.Contains(rule) ? null : $"{Describe(rule)} in the Lease namespace is not in config/rbac/leader_election_role.yaml",
            "" => "cluster-wide",
            _ => $"in namespace {request.Namespace}",
        };
    }

    private static bool IsDiscovery(string path) =>
        path is "/api" or "/apis" or "/version"
        || path.StartsWith("/api/", StringComparison.Ordinal)
        || path.StartsWith("/apis/", StringComparison.Ordinal);

    /// <summary>
    /// The run host takes AWS credentials from the process environment; this gives it moto's test profile instead (as
    /// <c>--profile</c> would), and re-checks in-cluster engines as often as the scenario harness does.
    /// </summary>
    private DelegateModule MotoAccount() => new(services =>
    {
        services.AddSingleton(AwsEnvironment.FromValues(new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = moto.CredentialsFile }));
        services.Configure<AwsOptions>(options => options.Profile = MotoFixture.Profile);
        services.Configure<DataServicesOptions>(options => options.TransitionInterval = TimeSpan.FromMilliseconds(500));
    });

    /// <summary>A kubectl-like client for <paramref name="server"/>; the operator gets the same kubeconfig.</summary>
    private KubernetesClient User(TestApiServer server)
    {
        server.WriteKubeconfig(_kubeconfig);
        return new KubernetesClient(
            KubernetesConfigurationLoader.Load(_kubeconfig, null, TimeProvider.System),
            new KubernetesClientOptions { FieldManager = "kubectl", UserAgent = TestUserAgent },
            TimeProvider.System);
    }

    /// <summary>Runs <paramref name="scenario"/>; when it times out, the message ends with the operator's last log lines.</summary>
    private static async Task RunWithLogsAsync(RunningOperator host, Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\noperator logs:\n{string.Join('\n', host.Logs.All.TakeLast(40))}", ex);
        }
    }

    private static Task WaitForLeaseAsync(TestApiServer server) =>
        Eventually.ReturnsAsync(
            () => Task.FromResult(server.Store.Get("coordination.k8s.io", "leases", OperatorNamespace, "skyforge-operator")),
            lease => lease?["spec"]?["holderIdentity"] is not null,
            "the host to take the Lease");

    private static string Describe((string Group, string Resource, string Verb) rule) =>
        $"{(rule.Group.Length == 0 ? "core" : rule.Group)} {rule.Resource} {rule.Verb}";
}
