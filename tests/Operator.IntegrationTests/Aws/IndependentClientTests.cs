using System.Diagnostics;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;
using Skyforge.Aws.Sts;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Aws;

/// <summary>
/// The parameters Skyforge puts on the wire equal those the official <c>aws</c> CLI (botocore) sends for the same
/// request, both captured by the fault proxy — one operation per service and protocol.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class IndependentClientTests(MotoFixture moto, ITestOutputHelper output) : IAsyncLifetime
{
    private AwsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _host = moto.CreateHost(options => options.Resilience.MaxRetryAttempts = 0);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RdsCreateDBInstanceMatchesTheCli()
    {
        var cli = await CliRequestAsync("rds", "CreateDBInstance",
            "rds", "create-db-instance", "--db-instance-identifier", "same-db", "--db-instance-class", "db.t3.micro",
            "--engine", "postgres", "--engine-version", "16.3", "--allocated-storage", "20", "--master-username", "app",
            "--master-user-password", "Same-password-123", "--vpc-security-group-ids", moto.Network.SecurityGroupId, "sg-00000000000000002",
            "--no-multi-az", "--backup-retention-period", "7", "--enable-cloudwatch-logs-exports", "postgresql", "upgrade",
            "--tags", "Key=team,Value=data", "Key=env,Value=test");
        var skyforge = await SkyforgeRequestAsync("rds", "CreateDBInstance", () => _host.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "same-db",
            DBInstanceClass = "db.t3.micro",
            Engine = "postgres",
            EngineVersion = "16.3",
            AllocatedStorage = 20,
            MasterUsername = "app",
            MasterUserPassword = "Same-password-123",
            VpcSecurityGroupIds = [moto.Network.SecurityGroupId, "sg-00000000000000002"],
            MultiAZ = false,
            BackupRetentionPeriod = 7,
            EnableCloudwatchLogsExports = ["postgresql", "upgrade"],
            Tags = [new AwsTag { Key = "team", Value = "data" }, new AwsTag { Key = "env", Value = "test" }],
        }, CancellationToken.None));

        AssertSameParameters(cli, skyforge);
    }

    [Fact]
    public async Task ElastiCacheCreateReplicationGroupMatchesTheCli()
    {
        var cli = await CliRequestAsync("elasticache", "CreateReplicationGroup",
            "elasticache", "create-replication-group", "--replication-group-id", "same-rg", "--replication-group-description", "Same group",
            "--engine", "redis", "--cache-node-type", "cache.t4g.small", "--num-cache-clusters", "2", "--automatic-failover-enabled",
            "--security-group-ids", moto.Network.SecurityGroupId, "--preferred-cache-cluster-a-zs", "us-east-1a", "us-east-1b",
            "--transit-encryption-enabled", "--auth-token", "same-auth-token-0123456789", "--tags", "Key=team,Value=web");
        var skyforge = await SkyforgeRequestAsync("elasticache", "CreateReplicationGroup", () => _host.ElastiCache.CreateReplicationGroupAsync(new CreateReplicationGroupRequest
        {
            ReplicationGroupId = "same-rg",
            ReplicationGroupDescription = "Same group",
            Engine = "redis",
            CacheNodeType = "cache.t4g.small",
            NumCacheClusters = 2,
            AutomaticFailoverEnabled = true,
            SecurityGroupIds = [moto.Network.SecurityGroupId],
            PreferredCacheClusterAZs = ["us-east-1a", "us-east-1b"],
            TransitEncryptionEnabled = true,
            AuthToken = "same-auth-token-0123456789",
            Tags = [new AwsTag { Key = "team", Value = "web" }],
        }, CancellationToken.None));

        AssertSameParameters(cli, skyforge);
    }

    [Fact]
    public async Task KafkaCreateAndDescribeClusterMatchTheCli()
    {
        var subnets = moto.Network.SubnetIds;
        var provisioned = new JsonObject
        {
            ["BrokerNodeGroupInfo"] = new JsonObject
            {
                ["InstanceType"] = "kafka.m5.large",
                ["ClientSubnets"] = new JsonArray(subnets.Select(subnet => (JsonNode)JsonValue.Create(subnet)!).ToArray()),
                ["StorageInfo"] = new JsonObject { ["EbsStorageInfo"] = new JsonObject { ["VolumeSize"] = 100 } },
            },
            ["KafkaVersion"] = "3.6.0",
            ["NumberOfBrokerNodes"] = 3,
            ["EncryptionInfo"] = new JsonObject { ["EncryptionInTransit"] = new JsonObject { ["ClientBroker"] = "TLS", ["InCluster"] = true } },
        };
        var cli = await CliRequestAsync("kafka", "CreateClusterV2",
            "kafka", "create-cluster-v2", "--cluster-name", "same-msk", "--tags", "team=events", "--provisioned", provisioned.ToJsonString());
        var skyforge = await SkyforgeRequestAsync("kafka", "CreateClusterV2", () => _host.Kafka.CreateClusterV2Async(new CreateClusterV2Request
        {
            ClusterName = "same-msk",
            Tags = new Dictionary<string, string> { ["team"] = "events" },
            Provisioned = new ProvisionedRequest
            {
                BrokerNodeGroupInfo = new BrokerNodeGroupInfo
                {
                    InstanceType = "kafka.m5.large",
                    ClientSubnets = subnets,
                    StorageInfo = new StorageInfo { EbsStorageInfo = new EbsStorageInfo { VolumeSize = 100 } },
                },
                KafkaVersion = "3.6.0",
                NumberOfBrokerNodes = 3,
                EncryptionInfo = new EncryptionInfo { EncryptionInTransit = new EncryptionInTransit { ClientBroker = "TLS", InCluster = true } },
            },
        }, CancellationToken.None));
        AssertSameParameters(cli, skyforge);

        var arn = (await _host.Kafka.ListClustersV2Async(new ListClustersV2Request(), CancellationToken.None)).ClusterInfoList![0].ClusterArn!;
        var cliDescribe = await CliRequestAsync("kafka", "DescribeClusterV2", "kafka", "describe-cluster-v2", "--cluster-arn", arn);
        var skyforgeDescribe = await SkyforgeRequestAsync("kafka", "DescribeClusterV2", () =>
            _host.Kafka.DescribeClusterV2Async(new DescribeClusterV2Request { ClusterArn = arn }, CancellationToken.None));
        AssertSameParameters(cliDescribe, skyforgeDescribe);
        Assert.Contains("%3A", skyforgeDescribe["rawPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task SecretsManagerCreateSecretMatchesTheCli()
    {
        var cli = await CliRequestAsync("secretsmanager", "CreateSecret",
            "secretsmanager", "create-secret", "--name", "same/secret", "--client-request-token", "5f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
            "--description", "Same secret", "--secret-string", "{\"password\":\"same\"}", "--tags", "Key=team,Value=data");
        var skyforge = await SkyforgeRequestAsync("secretsmanager", "CreateSecret", () => _host.SecretsManager.CreateSecretAsync(new CreateSecretRequest
        {
            Name = "same/secret",
            ClientRequestToken = "5f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
            Description = "Same secret",
            SecretString = "{\"password\":\"same\"}",
            Tags = [new AwsTag { Key = "team", Value = "data" }],
        }, CancellationToken.None));

        AssertSameParameters(cli, skyforge);
    }

    [Fact]
    public async Task StsGetCallerIdentityMatchesTheCli()
    {
        var cli = await CliRequestAsync("sts", "GetCallerIdentity", "sts", "get-caller-identity");
        var skyforge = await SkyforgeRequestAsync("sts", "GetCallerIdentity", () =>
            _host.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None));

        AssertSameParameters(cli, skyforge);
    }

    private void AssertSameParameters(JsonObject cli, JsonObject skyforge)
    {
        output.WriteLine($"aws CLI:  {cli.ToJsonString()}");
        output.WriteLine($"Skyforge: {skyforge.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(cli, skyforge), $"aws CLI sent {cli.ToJsonString()}\nSkyforge sent {skyforge.ToJsonString()}");
    }

    private async Task<JsonObject> SkyforgeRequestAsync(string service, string operation, Func<Task> call)
    {
        moto.Proxy.ClearRecords();
        try
        {
            await call();
        }
        catch (AwsServiceException exception) when (exception.IsAlreadyExists)
        {
            // Both clients send the same create; whichever runs second is told it exists.
        }
        return Assert.Single(moto.Proxy.Requests, request => request.Service == service && request.Operation == operation).Parameters;
    }

    private async Task<JsonObject> CliRequestAsync(string service, string operation, params string[] arguments)
    {
        moto.Proxy.ClearRecords();
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(["--endpoint-url", moto.Proxy.Endpoint.ToString(), "--region", MotoFixture.Region, "--output", "json"]))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["AWS_ACCESS_KEY_ID"] = MotoFixture.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = MotoFixture.SecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("The independent-client check needs the aws CLI on PATH (pip install awscli).", exception);
        }
        using var started = process;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine($"aws {string.Join(' ', arguments.Take(2))} exited {process.ExitCode}: {await standardError}{(await standardOutput).Length} bytes of output");
        return Assert.Single(moto.Proxy.Requests, request => request.Service == service && request.Operation == operation).Parameters;
    }
}
