using System.Diagnostics;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.DataServices;
using Skyforge.Operator.IntegrationTests.Runtime;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// Ownership conflicts as faults that clear: an RDS instance with the database's identifier tagged for another cluster,
/// and a user's own Secret with the connection Secret's name. While they last the operator touches neither (Ready=False
/// OwnershipConflict); once the other owner's resource is gone the database converges.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class OwnershipConflictTests(MotoFixture moto, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Name = "contested";

    private FaultMatrixCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FaultMatrixCluster.StartAsync(moto);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string InstanceId => AwsNames.DbInstanceId(
        FaultMatrixCluster.ClusterName, new ResourceIdentity(Group.ApiVersion, "ManagedDatabase", FaultMatrixCluster.Namespace, Name, ""));

    [Fact]
    public async Task An_instance_of_another_owner_is_left_alone_and_the_database_is_created_once_that_instance_is_gone()
    {
        var row = new FaultMatrixRow(_cluster, output, "ownership conflict (AWS instance of another owner)");
        await _cluster.Aws.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = InstanceId,
            DBInstanceClass = "db.t3.large",
            Engine = "postgres",
            MasterUsername = "someone",
            MasterUserPassword = "Foreign-password-123",
            AllocatedStorage = 20,
            Tags = [new AwsTag { Key = OwnershipTags.ClusterKey, Value = "another-cluster" }, new AwsTag { Key = OwnershipTags.NamespaceKey, Value = FaultMatrixCluster.Namespace }, new AwsTag { Key = OwnershipTags.NameKey, Value = Name }],
        }, CancellationToken.None);
        await _cluster.StartOperatorAsync("operator");

        await _cluster.ApplyAsync(_cluster.DatabaseManifest(Name));
        await Poll.UntilAsync(() => Reason() == ConditionReasons.OwnershipConflict, "the conflict to be reported", FaultMatrixTimings.ConvergenceBound);
        Assert.DoesNotContain(moto.Proxy.Requests, request => !request.Operation.StartsWith("Describe", StringComparison.Ordinal) && !request.Operation.StartsWith("List", StringComparison.Ordinal));

        await _cluster.Aws.Rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = InstanceId, SkipFinalSnapshot = true }, CancellationToken.None);
        await Eventually.ReturnsAsync(ForeignInstanceGoneAsync, gone => gone, "the other owner's instance to be gone");
        var cleared = Stopwatch.StartNew();

        row.Note("while the foreign instance existed: Ready=False OwnershipConflict, no AWS write call");
        await row.ConvergesAsync(cleared, "Ready with an instance of its own (the conflict is re-checked every drift interval)");
    }

    [Fact]
    public async Task A_users_secret_with_the_connection_secret_name_is_left_alone_and_the_database_converges_once_it_is_deleted()
    {
        var row = new FaultMatrixRow(_cluster, output, "ownership conflict (Kubernetes Secret of the user)");
        await _cluster.User.CreateAsync(ResourceTypes.Secrets, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = $"{Name}-connection", ["namespace"] = FaultMatrixCluster.Namespace },
            ["stringData"] = new JsonObject { ["note"] = "the user's own" },
        });
        await _cluster.StartOperatorAsync("operator");

        await _cluster.ApplyAsync(_cluster.DatabaseManifest(Name));
        await Poll.UntilAsync(() => Reason() == ConditionReasons.OwnershipConflict, "the conflict to be reported", FaultMatrixTimings.ConvergenceBound);
        var usersSecret = _cluster.Server.Store.Get("", "secrets", FaultMatrixCluster.Namespace, $"{Name}-connection")!;
        Assert.Null(usersSecret["metadata"]!["ownerReferences"]);
        Assert.Equal(["note"], (usersSecret["data"] as JsonObject)!.Select(pair => pair.Key));

        await _cluster.User.DeleteAsync(ResourceTypes.Secrets, FaultMatrixCluster.Namespace, $"{Name}-connection");
        var cleared = Stopwatch.StartNew();

        row.Note("while the user's Secret existed: Ready=False OwnershipConflict, the Secret untouched");
        await row.ConvergesAsync(cleared, "Ready with its own connection Secret (retried with the work queue's backoff)");
    }

    private string? Reason() => _cluster.StoredDatabase(Name) is { } stored ? DataServicesOperator.Reason(stored, "Ready") : null;

    private async Task<bool> ForeignInstanceGoneAsync()
    {
        try
        {
            await _cluster.Aws.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = InstanceId }, CancellationToken.None);
            return false;
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return true;
        }
    }
}
