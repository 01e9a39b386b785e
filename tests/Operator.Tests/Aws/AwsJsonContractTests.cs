using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;

namespace Skyforge.Operator.Tests.Aws;

/// <summary>Request parameters built as JSON (AWS member names) deserialize into the records and serialize back unchanged.</summary>
public sealed class AwsJsonContractTests
{
    [Fact]
    public void RdsParametersRoundTripThroughTheRecord()
    {
        var parameters = JsonNode.Parse("""
            {
              "DBInstanceIdentifier": "orders",
              "DBInstanceClass": "db.t3.micro",
              "Engine": "postgres",
              "AllocatedStorage": 20,
              "MasterUsername": "orders",
              "VpcSecurityGroupIds": ["sg-1", "sg-2"],
              "MultiAZ": true,
              "Tags": [{"Key": "skyforge.dev/owner", "Value": "shop/orders"}]
            }
            """)!.AsObject();

        var request = parameters.Deserialize<CreateDBInstanceRequest>(AwsJson.Options)!;

        Assert.Equal(["sg-1", "sg-2"], request.VpcSecurityGroupIds);
        Assert.True(request.MultiAZ);
        Assert.Null(request.MasterUserPassword);
        Assert.True(JsonNode.DeepEquals(parameters, JsonSerializer.SerializeToNode(request, AwsJson.Options)));
    }

    [Fact]
    public void KafkaParametersUseTheModelsCamelCaseNames()
    {
        var parameters = JsonNode.Parse("""
            {
              "clusterName": "events",
              "tags": {"team": "data"},
              "provisioned": {
                "brokerNodeGroupInfo": {"instanceType": "kafka.m5.large", "clientSubnets": ["subnet-1", "subnet-2"],
                  "storageInfo": {"ebsStorageInfo": {"volumeSize": 100}}},
                "kafkaVersion": "3.6.0",
                "numberOfBrokerNodes": 2,
                "clientAuthentication": {"sasl": {"iam": {"enabled": true}}}
              }
            }
            """)!.AsObject();

        var request = parameters.Deserialize<CreateClusterV2Request>(AwsJson.Options)!;

        Assert.Equal(100, request.Provisioned?.BrokerNodeGroupInfo.StorageInfo?.EbsStorageInfo?.VolumeSize);
        Assert.True(request.Provisioned?.ClientAuthentication?.Sasl?.Iam?.Enabled);
        Assert.True(JsonNode.DeepEquals(parameters, JsonSerializer.SerializeToNode(request, AwsJson.Options)));
    }

    [Fact]
    public void SecretsManagerAndElastiCacheParametersRoundTrip()
    {
        var secret = JsonNode.Parse("""{"Name":"app/db","SecretString":"x","Tags":[{"Key":"a","Value":"b"}]}""")!.AsObject();
        var cache = JsonNode.Parse("""{"ServerlessCacheName":"carts","Engine":"valkey","CacheUsageLimits":{"DataStorage":{"Maximum":10,"Unit":"GB"}}}""")!.AsObject();

        var secretBack = JsonSerializer.SerializeToNode(secret.Deserialize<CreateSecretRequest>(AwsJson.Options), AwsJson.Options);
        var cacheBack = JsonSerializer.SerializeToNode(cache.Deserialize<CreateServerlessCacheRequest>(AwsJson.Options), AwsJson.Options);

        Assert.True(JsonNode.DeepEquals(secret, secretBack));
        Assert.True(JsonNode.DeepEquals(cache, cacheBack));
    }

    [Fact]
    public void AMisspeltMemberIsRejected()
    {
        var parameters = JsonNode.Parse("""{"DBInstanceIdentifier":"orders","DBInstanceClass":"db.t3.micro","Engine":"postgres","MultiAz":true}""")!;

        var exception = Assert.Throws<JsonException>(() => parameters.Deserialize<CreateDBInstanceRequest>(AwsJson.Options));

        Assert.Contains("MultiAz", exception.Message);
    }

    [Fact]
    public void AMissingRequiredMemberIsRejected()
    {
        var parameters = JsonNode.Parse("""{"DBInstanceIdentifier":"orders","Engine":"postgres"}""")!;

        Assert.Throws<JsonException>(() => parameters.Deserialize<CreateDBInstanceRequest>(AwsJson.Options));
    }
}
