using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// Operator killed at each step of a ManagedDatabase create and delete, then started again: exactly one of every AWS
/// resource and the database Ready, or everything gone. "Killed right after a call" is made exact by freezing every later
/// call (AWS calls hang in the proxy; the Kubernetes write that follows fails) until the process is stopped.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CrashPointTests(MotoFixture moto, ITestOutputHelper output) : IAsyncLifetime
{
    private FaultMatrixCluster _cluster = null!;

    public enum CreateStep
    {
        /// <summary>Secrets Manager CreateSecret: the generated master password is stored.</summary>
        MasterSecret,

        /// <summary>RDS CreateDBSubnetGroup.</summary>
        SubnetGroup,

        /// <summary>RDS CreateDBInstance.</summary>
        Instance,

        /// <summary>The connection Secret is applied; the Ready status never gets written.</summary>
        ConnectionSecret,
    }

    public enum DeleteStep
    {
        /// <summary>RDS DeleteDBInstance; the instance is going away.</summary>
        Instance,

        /// <summary>RDS DeleteDBSubnetGroup, once the instance is gone.</summary>
        SubnetGroup,

        /// <summary>Secrets Manager DeleteSecret, the last AWS call; the finalizer is never removed.</summary>
        MasterSecret,
    }

    public async Task InitializeAsync() => _cluster = await FaultMatrixCluster.StartAsync(moto);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(CreateStep.MasterSecret)]
    [InlineData(CreateStep.SubnetGroup)]
    [InlineData(CreateStep.Instance)]
    [InlineData(CreateStep.ConnectionSecret)]
    public async Task Killed_right_after_a_create_step_the_restarted_operator_makes_the_database_ready_with_one_of_everything(CreateStep step)
    {
        var row = new FaultMatrixRow(_cluster, output, $"operator killed after create step {step}");
        var first = await _cluster.StartOperatorAsync("operator-1");
        FreezeAfter(step);
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await ReachedAsync(step);

        await first.CrashAsync();
        ThawAll();
        var cleared = Stopwatch.StartNew();
        await _cluster.StartOperatorAsync("operator-2");

        await row.ConvergesAsync(cleared, "Ready after restart");
        Assert.Equal(await MasterPasswordAsync("orders"), (await ConnectionAsync("orders"))["password"]);
        Assert.Equal(1, moto.Proxy.Requests.Count(request => request.Operation == "CreateDBInstance" && request.StatusCode == 200));
    }

    [Fact]
    public async Task Killed_mid_create_and_deleted_while_down_the_restarted_operator_leaves_nothing_behind()
    {
        var row = new FaultMatrixRow(_cluster, output, "operator killed after create step SubnetGroup, object deleted while down");
        var first = await _cluster.StartOperatorAsync("operator-1");
        FreezeAfter(CreateStep.SubnetGroup);
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await ReachedAsync(CreateStep.SubnetGroup);
        await first.CrashAsync();
        ThawAll();
        await _cluster.DeleteAsync("orders");

        var cleared = Stopwatch.StartNew();
        await _cluster.StartOperatorAsync("operator-2");

        await row.ConvergesAsync(cleared, "gone after restart; subnet group and master secret removed");
        Assert.Null(_cluster.StoredDatabase("orders"));
        Assert.DoesNotContain(moto.Proxy.Requests, request => request.Operation == "CreateDBInstance" && request.StatusCode == 200);
    }

    [Theory]
    [InlineData(DeleteStep.Instance)]
    [InlineData(DeleteStep.SubnetGroup)]
    [InlineData(DeleteStep.MasterSecret)]
    public async Task Killed_right_after_a_delete_step_the_restarted_operator_finishes_the_deletion(DeleteStep step)
    {
        var row = new FaultMatrixRow(_cluster, output, $"operator killed after delete step {step}");
        var first = await _cluster.StartOperatorAsync("operator-1");
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await _cluster.WaitForConvergenceAsync(FaultMatrixTimings.ConvergenceBound, "Ready before the deletion");
        FreezeAfter(step);
        await _cluster.DeleteAsync("orders");
        await ReachedAsync(step);

        await first.CrashAsync();
        ThawAll();
        var cleared = Stopwatch.StartNew();
        await _cluster.StartOperatorAsync("operator-2");

        await row.ConvergesAsync(cleared, "gone after restart; instance, subnet group and master secret removed");
        Assert.Null(_cluster.StoredDatabase("orders"));
    }

    private void FreezeAfter(CreateStep step)
    {
        switch (step)
        {
            case CreateStep.MasterSecret:
                FreezeAwsAfter("CreateSecret");
                break;
            case CreateStep.SubnetGroup:
                FreezeAwsAfter("CreateDBSubnetGroup");
                break;
            case CreateStep.Instance:
                FreezeAwsAfter("CreateDBInstance");
                break;
            case CreateStep.ConnectionSecret:
                _cluster.Server.Faults.FailNext(100_000, verb: "update", resource: "manageddatabases/status");
                break;
        }
    }

    private void FreezeAfter(DeleteStep step)
    {
        switch (step)
        {
            case DeleteStep.Instance:
                FreezeAwsAfter("DeleteDBInstance");
                break;
            case DeleteStep.SubnetGroup:
                FreezeAwsAfter("DeleteDBSubnetGroup");
                break;
            case DeleteStep.MasterSecret:
                // The finalizer removal is the only patch of the object during a deletion.
                _cluster.Server.Faults.FailNext(100_000, verb: "patch", resource: "manageddatabases");
                break;
        }
    }

    /// <summary>Once <paramref name="operation"/> succeeds, every later AWS call (any service) hangs until the faults are cleared.</summary>
    private void FreezeAwsAfter(string operation) =>
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Latency(TimeSpan.FromMinutes(5))) { AfterOperation = operation, Times = 100_000 });

    private void ThawAll()
    {
        moto.Proxy.ClearFaults();
        _cluster.Server.Faults.Clear();
    }

    private Task ReachedAsync(CreateStep step) => step switch
    {
        CreateStep.MasterSecret => SucceededAsync("CreateSecret"),
        CreateStep.SubnetGroup => SucceededAsync("CreateDBSubnetGroup"),
        CreateStep.Instance => SucceededAsync("CreateDBInstance"),
        _ => Eventually.ReturnsAsync(
            () => Task.FromResult(_cluster.Server.Store.Get("", "secrets", FaultMatrixCluster.Namespace, "orders-connection")),
            secret => secret is not null,
            "the connection Secret to be published"),
    };

    private Task ReachedAsync(DeleteStep step) => SucceededAsync(step switch
    {
        DeleteStep.Instance => "DeleteDBInstance",
        DeleteStep.SubnetGroup => "DeleteDBSubnetGroup",
        _ => "DeleteSecret",
    });

    private Task SucceededAsync(string operation) => Eventually.ReturnsAsync(
        () => Task.FromResult(moto.Proxy.Requests.Any(request => request.Operation == operation && request.StatusCode == 200)),
        reached => reached,
        $"{operation} to succeed in moto");

    private async Task<string> MasterPasswordAsync(string name)
    {
        var identity = new ResourceIdentity(Group.ApiVersion, "ManagedDatabase", FaultMatrixCluster.Namespace, name, "");
        await using var direct = moto.CreateHost(options => options.EndpointUrl = moto.Moto.Endpoint.ToString());
        var value = await direct.SecretsManager.GetSecretValueAsync(
            new GetSecretValueRequest { SecretId = AwsNames.SecretName(FaultMatrixCluster.ClusterName, identity, "master-credentials") }, CancellationToken.None);
        return JsonNode.Parse(value.SecretString!)!["password"]!.GetValue<string>();
    }

    private async Task<IReadOnlyDictionary<string, string>> ConnectionAsync(string name)
    {
        var secret = await _cluster.User.GetAsync(ResourceTypes.Secrets, FaultMatrixCluster.Namespace, $"{name}-connection");
        return (secret["data"] as JsonObject ?? []).ToDictionary(
            pair => pair.Key,
            pair => Encoding.UTF8.GetString(Convert.FromBase64String(pair.Value!.GetValue<string>())));
    }
}
