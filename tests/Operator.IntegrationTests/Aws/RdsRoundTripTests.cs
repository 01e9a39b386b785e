using System.Net;
using Skyforge.Aws;
using Skyforge.Aws.Rds;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class RdsRoundTripTests(MotoFixture moto) : IAsyncLifetime
{
    private AwsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _host = moto.CreateHost();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DBInstanceLifecycleRoundTrips()
    {
        var rds = _host.Rds;
        var ct = CancellationToken.None;
        var subnetGroup = await rds.CreateDBSubnetGroupAsync(new CreateDBSubnetGroupRequest
        {
            DBSubnetGroupName = "orders-db",
            DBSubnetGroupDescription = "Orders database subnets",
            SubnetIds = moto.Network.SubnetIds,
            Tags = [new AwsTag { Key = "skyforge.dev/owner", Value = "shop/orders" }],
        }, ct);
        Assert.Equal(moto.Network.VpcId, subnetGroup.DBSubnetGroup?.VpcId);
        Assert.Equal(moto.Network.SubnetIds.Order(), subnetGroup.DBSubnetGroup!.Subnets!.Select(subnet => subnet.SubnetIdentifier).Order());

        var described = await rds.DescribeDBSubnetGroupsAsync(new DescribeDBSubnetGroupsRequest { DBSubnetGroupName = "orders-db" }, ct);
        Assert.Equal("Orders database subnets", Assert.Single(described.DBSubnetGroups!).DBSubnetGroupDescription);

        var parameterGroup = await rds.CreateDBParameterGroupAsync(new CreateDBParameterGroupRequest
        {
            DBParameterGroupName = "orders-pg16",
            DBParameterGroupFamily = "postgres16",
            Description = "Orders parameters",
        }, ct);
        Assert.Equal("postgres16", parameterGroup.DBParameterGroup?.DBParameterGroupFamily);
        var modifiedGroup = await rds.ModifyDBParameterGroupAsync(new ModifyDBParameterGroupRequest
        {
            DBParameterGroupName = "orders-pg16",
            Parameters = [new Parameter { ParameterName = "max_connections", ParameterValue = "200", ApplyMethod = "pending-reboot" }],
        }, ct);
        Assert.Equal("orders-pg16", modifiedGroup.DBParameterGroupName);

        var created = await rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "orders",
            DBInstanceClass = "db.t3.micro",
            Engine = "postgres",
            EngineVersion = "16.3",
            AllocatedStorage = 20,
            MasterUsername = "orders",
            MasterUserPassword = "correct-horse-battery",
            DBName = "orders",
            DBSubnetGroupName = "orders-db",
            DBParameterGroupName = "orders-pg16",
            VpcSecurityGroupIds = [moto.Network.SecurityGroupId],
            MultiAZ = false,
            PubliclyAccessible = false,
            StorageEncrypted = true,
            BackupRetentionPeriod = 7,
            DeletionProtection = false,
            Tags = [new AwsTag { Key = "skyforge.dev/owner", Value = "shop/orders" }],
        }, ct);
        var instance = created.DBInstance!;
        Assert.Equal("orders", instance.DBInstanceIdentifier);
        Assert.Equal("postgres", instance.Engine);
        Assert.Equal(20, instance.AllocatedStorage);
        Assert.Equal(moto.Network.SecurityGroupId, Assert.Single(instance.VpcSecurityGroups!).VpcSecurityGroupId);
        Assert.Equal("orders-db", instance.DBSubnetGroup?.DBSubnetGroupName);
        Assert.NotNull(instance.DBInstanceArn);

        var byId = await rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "orders" }, ct);
        var current = Assert.Single(byId.DBInstances!);
        Assert.NotNull(current.Endpoint?.Address);
        Assert.Equal(5432, current.Endpoint!.Port);
        Assert.Equal(7, current.BackupRetentionPeriod);

        var byFilter = await rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest
        {
            Filters = [new Filter { Name = "engine", Values = ["postgres"] }],
        }, ct);
        Assert.Contains(byFilter.DBInstances!, candidate => candidate.DBInstanceIdentifier == "orders");

        var modified = await rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest
        {
            DBInstanceIdentifier = "orders",
            AllocatedStorage = 40,
            DBInstanceClass = "db.t3.small",
            ApplyImmediately = true,
        }, ct);
        Assert.Equal("orders", modified.DBInstance?.DBInstanceIdentifier);
        var afterModify = Assert.Single((await rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "orders" }, ct)).DBInstances!);
        Assert.Equal("db.t3.small", afterModify.DBInstanceClass);
        Assert.Equal(40, afterModify.AllocatedStorage);

        await rds.AddTagsToResourceAsync(new AddTagsToResourceRequest
        {
            ResourceName = instance.DBInstanceArn!,
            Tags = [new AwsTag { Key = "team", Value = "payments" }],
        }, ct);
        var tags = await rds.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = instance.DBInstanceArn! }, ct);
        Assert.Equal(["skyforge.dev/owner=shop/orders", "team=payments"], tags.TagList!.Select(tag => $"{tag.Key}={tag.Value}").Order());

        var replica = await rds.CreateDBInstanceReadReplicaAsync(new CreateDBInstanceReadReplicaRequest
        {
            DBInstanceIdentifier = "orders-replica",
            SourceDBInstanceIdentifier = "orders",
            DBInstanceClass = "db.t3.micro",
            Tags = [new AwsTag { Key = "role", Value = "replica" }],
        }, ct);
        Assert.Equal("orders", replica.DBInstance?.ReadReplicaSourceDBInstanceIdentifier);
        var primary = Assert.Single((await rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "orders" }, ct)).DBInstances!);
        Assert.Equal(["orders-replica"], primary.ReadReplicaDBInstanceIdentifiers);

        await rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = "orders-replica", SkipFinalSnapshot = true }, ct);
        var deleted = await rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = "orders", SkipFinalSnapshot = true }, ct);
        Assert.Equal("orders", deleted.DBInstance?.DBInstanceIdentifier);
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() =>
            rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "orders" }, ct));
        Assert.True(gone.IsNotFound);
        Assert.Equal("DBInstanceNotFound", gone.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        await rds.DeleteDBParameterGroupAsync(new DeleteDBParameterGroupRequest { DBParameterGroupName = "orders-pg16" }, ct);
        await rds.DeleteDBSubnetGroupAsync(new DeleteDBSubnetGroupRequest { DBSubnetGroupName = "orders-db" }, ct);
        var subnetGroupGone = await Assert.ThrowsAsync<AwsServiceException>(() =>
            rds.DescribeDBSubnetGroupsAsync(new DescribeDBSubnetGroupsRequest { DBSubnetGroupName = "orders-db" }, ct));
        Assert.True(subnetGroupGone.IsNotFound);
    }

    [Fact]
    public async Task DBClusterLifecycleRoundTrips()
    {
        var rds = _host.Rds;
        var ct = CancellationToken.None;
        await rds.CreateDBSubnetGroupAsync(new CreateDBSubnetGroupRequest
        {
            DBSubnetGroupName = "ledger-db",
            DBSubnetGroupDescription = "Ledger subnets",
            SubnetIds = moto.Network.SubnetIds,
        }, ct);
        var clusterGroup = await rds.CreateDBClusterParameterGroupAsync(new CreateDBClusterParameterGroupRequest
        {
            DBClusterParameterGroupName = "ledger-cluster-pg",
            DBParameterGroupFamily = "aurora-postgresql16",
            Description = "Ledger cluster parameters",
        }, ct);
        Assert.Equal("ledger-cluster-pg", clusterGroup.DBClusterParameterGroup?.DBClusterParameterGroupName);
        var modifiedGroup = await rds.ModifyDBClusterParameterGroupAsync(new ModifyDBClusterParameterGroupRequest
        {
            DBClusterParameterGroupName = "ledger-cluster-pg",
            Parameters = [new Parameter { ParameterName = "timezone", ParameterValue = "UTC", ApplyMethod = "immediate" }],
        }, ct);
        Assert.Equal("ledger-cluster-pg", modifiedGroup.DBClusterParameterGroupName);

        var created = await rds.CreateDBClusterAsync(new CreateDBClusterRequest
        {
            DBClusterIdentifier = "ledger",
            Engine = "aurora-postgresql",
            EngineVersion = "16.2",
            MasterUsername = "ledger",
            MasterUserPassword = "ledger-password-123",
            DatabaseName = "ledger",
            DBSubnetGroupName = "ledger-db",
            DBClusterParameterGroupName = "ledger-cluster-pg",
            VpcSecurityGroupIds = [moto.Network.SecurityGroupId],
            StorageEncrypted = true,
            ServerlessV2ScalingConfiguration = new ServerlessV2ScalingConfiguration { MinCapacity = 0.5, MaxCapacity = 4 },
            Tags = [new AwsTag { Key = "skyforge.dev/owner", Value = "shop/ledger" }],
        }, ct);
        Assert.Equal("ledger", created.DBCluster?.DBClusterIdentifier);
        Assert.Equal("aurora-postgresql", created.DBCluster?.Engine);

        var described = Assert.Single((await rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "ledger" }, ct)).DBClusters!);
        var everyCluster = await rds.DescribeAllDBClustersAsync(new DescribeDBClustersRequest { Filters = [new Filter { Name = "engine", Values = ["aurora-postgresql"] }] }, ct).ToListAsync(ct);
        Assert.Equal("ledger", Assert.Single(everyCluster).DBClusterIdentifier);
        Assert.NotNull(described.Endpoint);
        Assert.NotNull(described.ReaderEndpoint);
        Assert.Equal(0.5, described.ServerlessV2ScalingConfiguration?.MinCapacity);
        Assert.Equal(4, described.ServerlessV2ScalingConfiguration?.MaxCapacity);
        Assert.Contains(described.TagList!, tag => tag.Key == "skyforge.dev/owner");

        var modified = await rds.ModifyDBClusterAsync(new ModifyDBClusterRequest
        {
            DBClusterIdentifier = "ledger",
            BackupRetentionPeriod = 14,
            DeletionProtection = false,
            ApplyImmediately = true,
        }, ct);
        Assert.Equal(14, modified.DBCluster?.BackupRetentionPeriod);

        var deleted = await rds.DeleteDBClusterAsync(new DeleteDBClusterRequest { DBClusterIdentifier = "ledger", SkipFinalSnapshot = true }, ct);
        Assert.Equal("ledger", deleted.DBCluster?.DBClusterIdentifier);
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() =>
            rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "ledger" }, ct));
        Assert.Equal("DBClusterNotFoundFault", gone.ErrorCode);
        Assert.True(gone.IsNotFound);

        await rds.DeleteDBClusterParameterGroupAsync(new DeleteDBClusterParameterGroupRequest { DBClusterParameterGroupName = "ledger-cluster-pg" }, ct);
    }

    [Fact]
    public async Task DescribeFollowsMarkersAcrossPages()
    {
        var ct = CancellationToken.None;
        for (var index = 0; index < 25; index++)
        {
            await _host.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
            {
                DBInstanceIdentifier = $"paged-{index:00}",
                DBInstanceClass = "db.t3.micro",
                Engine = "postgres",
                AllocatedStorage = 20,
                MasterUsername = "app",
                MasterUserPassword = "paging-password-1",
            }, ct);
        }
        moto.Proxy.ClearRecords();

        var all = await _host.Rds.DescribeAllDBInstancesAsync(new DescribeDBInstancesRequest { MaxRecords = 20 }, ct).ToListAsync(ct);

        Assert.Equal(25, all.Select(instance => instance.DBInstanceIdentifier).Distinct().Count());
        Assert.Equal(2, moto.Proxy.Count("rds", "DescribeDBInstances"));
    }

    [Fact]
    public async Task ServiceErrorsKeepCodeStatusAndRequestId()
    {
        var ct = CancellationToken.None;
        var request = new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "twice",
            DBInstanceClass = "db.t3.micro",
            Engine = "postgres",
            AllocatedStorage = 20,
            MasterUsername = "app",
            MasterUserPassword = "twice-password-1",
        };
        await _host.Rds.CreateDBInstanceAsync(request, ct);
        moto.Proxy.ClearRecords();

        var duplicate = await Assert.ThrowsAsync<AwsServiceException>(() => _host.Rds.CreateDBInstanceAsync(request, ct));

        Assert.True(duplicate.IsAlreadyExists);
        Assert.Equal("DBInstanceAlreadyExists", duplicate.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.False(string.IsNullOrEmpty(duplicate.RequestId));
        Assert.False(duplicate.IsRetryable);
        Assert.Equal(1, moto.Proxy.Count("rds", "CreateDBInstance"));
    }
}
