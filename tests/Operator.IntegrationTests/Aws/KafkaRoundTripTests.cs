using Skyforge.Aws;
using Skyforge.Aws.Kafka;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class KafkaRoundTripTests(MotoFixture moto) : IAsyncLifetime
{
    private AwsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _host = moto.CreateHost();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ProvisionedClusterLifecycleRoundTrips()
    {
        var kafka = _host.Kafka;
        var ct = CancellationToken.None;
        var created = await kafka.CreateClusterV2Async(new CreateClusterV2Request
        {
            ClusterName = "orders-events",
            Tags = new Dictionary<string, string> { ["skyforge.dev/owner"] = "shop/orders-events" },
            Provisioned = new ProvisionedRequest
            {
                KafkaVersion = "3.6.0",
                NumberOfBrokerNodes = 3,
                BrokerNodeGroupInfo = new BrokerNodeGroupInfo
                {
                    InstanceType = "kafka.m5.large",
                    ClientSubnets = moto.Network.SubnetIds,
                    SecurityGroups = [moto.Network.SecurityGroupId],
                    StorageInfo = new StorageInfo { EbsStorageInfo = new EbsStorageInfo { VolumeSize = 100 } },
                },
                ClientAuthentication = new ClientAuthentication { Sasl = new Sasl { Iam = new EnabledSetting { Enabled = true } } },
                EncryptionInfo = new EncryptionInfo { EncryptionInTransit = new EncryptionInTransit { ClientBroker = "TLS", InCluster = true } },
            },
        }, ct);
        Assert.Equal("CREATING", created.State);
        Assert.Equal("PROVISIONED", created.ClusterType);
        var arn = created.ClusterArn!;
        Assert.StartsWith("arn:aws:kafka:us-east-1:", arn);

        var active = await WaitForStateAsync(arn, "ACTIVE");
        Assert.Equal("orders-events", active.ClusterName);
        Assert.Equal(3, active.Provisioned?.NumberOfBrokerNodes);
        Assert.Equal("kafka.m5.large", active.Provisioned?.BrokerNodeGroupInfo?.InstanceType);
        Assert.Equal(moto.Network.SubnetIds, active.Provisioned?.BrokerNodeGroupInfo?.ClientSubnets);
        Assert.Equal("shop/orders-events", active.Tags?["skyforge.dev/owner"]);

        var listed = await kafka.ListAllClustersV2Async(new ListClustersV2Request { ClusterNameFilter = "orders" }, ct).ToListAsync(ct);
        Assert.Equal(arn, Assert.Single(listed).ClusterArn);

        var brokers = await kafka.GetBootstrapBrokersAsync(new GetBootstrapBrokersRequest { ClusterArn = arn }, ct);
        Assert.Equal(3, brokers.BootstrapBrokerStringSaslIam!.Split(',').Length);
        Assert.All(brokers.BootstrapBrokerStringSaslIam.Split(','), broker => Assert.EndsWith(":9098", broker));
        Assert.Null(brokers.BootstrapBrokerString);

        var count = await kafka.UpdateBrokerCountAsync(new UpdateBrokerCountRequest
        {
            ClusterArn = arn,
            CurrentVersion = active.CurrentVersion!,
            TargetNumberOfBrokerNodes = 6,
        }, ct);
        Assert.Equal(arn, count.ClusterArn);
        Assert.NotNull(count.ClusterOperationArn);
        Assert.Equal("UPDATING", (await DescribeAsync(arn)).State);
        active = await WaitForStateAsync(arn, "ACTIVE");
        Assert.Equal(6, active.Provisioned?.NumberOfBrokerNodes);

        var stale = await Assert.ThrowsAsync<AwsServiceException>(() => kafka.UpdateBrokerTypeAsync(new UpdateBrokerTypeRequest
        {
            ClusterArn = arn,
            CurrentVersion = count.ClusterOperationArn!,
            TargetInstanceType = "kafka.m5.xlarge",
        }, ct));
        Assert.Equal("BadRequestException", stale.ErrorCode);

        await kafka.UpdateBrokerStorageAsync(new UpdateBrokerStorageRequest
        {
            ClusterArn = arn,
            CurrentVersion = active.CurrentVersion!,
            TargetBrokerEBSVolumeInfo = [new BrokerEbsVolumeInfo { KafkaBrokerNodeId = "All", VolumeSizeGB = 200 }],
        }, ct);
        active = await WaitForStateAsync(arn, "ACTIVE");
        Assert.Equal(200, active.Provisioned?.BrokerNodeGroupInfo?.StorageInfo?.EbsStorageInfo?.VolumeSize);

        await kafka.UpdateBrokerTypeAsync(new UpdateBrokerTypeRequest
        {
            ClusterArn = arn,
            CurrentVersion = active.CurrentVersion!,
            TargetInstanceType = "kafka.m5.xlarge",
        }, ct);
        active = await WaitForStateAsync(arn, "ACTIVE");
        Assert.Equal("kafka.m5.xlarge", active.Provisioned?.BrokerNodeGroupInfo?.InstanceType);

        await kafka.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = new Dictionary<string, string> { ["team"] = "orders" } }, ct);
        var tags = await kafka.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, ct);
        Assert.Equal("orders", tags.Tags?["team"]);
        Assert.Equal("shop/orders-events", tags.Tags?["skyforge.dev/owner"]);

        var deleted = await kafka.DeleteClusterAsync(new DeleteClusterRequest { ClusterArn = arn, CurrentVersion = active.CurrentVersion }, ct);
        Assert.Equal("DELETING", deleted.State);
        var gone = await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    await DescribeAsync(arn);
                    return null;
                }
                catch (AwsServiceException exception)
                {
                    return exception;
                }
            },
            failure => failure is not null,
            "the cluster to disappear");
        Assert.Equal("NotFoundException", gone!.ErrorCode);
        Assert.True(gone.IsNotFound);
    }

    [Fact]
    public async Task DuplicateClusterNameIsAConflict()
    {
        var request = new CreateClusterV2Request
        {
            ClusterName = "twice",
            Serverless = new ServerlessRequest { VpcConfigs = [new VpcConfig { SubnetIds = moto.Network.SubnetIds }] },
        };
        await _host.Kafka.CreateClusterV2Async(request, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<AwsServiceException>(() => _host.Kafka.CreateClusterV2Async(request, CancellationToken.None));

        Assert.Equal("ConflictException", conflict.ErrorCode);
        Assert.True(conflict.IsAlreadyExists);
    }

    private async Task<Cluster> DescribeAsync(string arn) =>
        (await _host.Kafka.DescribeClusterV2Async(new DescribeClusterV2Request { ClusterArn = arn }, CancellationToken.None)).ClusterInfo!;

    private Task<Cluster> WaitForStateAsync(string arn, string state) =>
        Eventually.ReturnsAsync(() => DescribeAsync(arn), cluster => cluster.State == state, $"cluster state {state}");
}
