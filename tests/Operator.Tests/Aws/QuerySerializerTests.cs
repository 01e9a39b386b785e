using Skyforge.Aws;
using Skyforge.Aws.Protocols.Query;
using Skyforge.Aws.Rds;

namespace Skyforge.Operator.Tests.Aws;

public sealed class QuerySerializerTests
{
    [Fact]
    public void WritesActionVersionThenMembersInDeclarationOrder()
    {
        var body = QuerySerializer.Serialize("DeleteDBInstance", "2014-10-31", new DeleteDBInstanceRequest
        {
            DBInstanceIdentifier = "orders",
            SkipFinalSnapshot = true,
            DeleteAutomatedBackups = false,
        });

        Assert.Equal("Action=DeleteDBInstance&Version=2014-10-31&DBInstanceIdentifier=orders&SkipFinalSnapshot=true&DeleteAutomatedBackups=false", body);
    }

    [Fact]
    public void ListsUseTheirMemberNamesAndStructuresNest()
    {
        var body = QuerySerializer.Serialize("DescribeDBInstances", "2014-10-31", new DescribeDBInstancesRequest
        {
            Filters = [new Filter { Name = "engine", Values = ["postgres", "mysql"] }, new Filter { Name = "db-cluster-id", Values = ["ledger"] }],
            MaxRecords = 20,
        });

        Assert.Equal(
            "Action=DescribeDBInstances&Version=2014-10-31"
            + "&Filters.Filter.1.Name=engine&Filters.Filter.1.Values.Value.1=postgres&Filters.Filter.1.Values.Value.2=mysql"
            + "&Filters.Filter.2.Name=db-cluster-id&Filters.Filter.2.Values.Value.1=ledger&MaxRecords=20",
            body);
    }

    [Fact]
    public void ListsWithoutANamedMemberUseMemberAndTagsUseTag()
    {
        var body = QuerySerializer.Serialize("CreateDBInstanceReadReplica", "2014-10-31", new CreateDBInstanceReadReplicaRequest
        {
            DBInstanceIdentifier = "replica",
            Tags = [new AwsTag { Key = "team", Value = "data" }],
            EnableCloudwatchLogsExports = ["postgresql"],
        });

        Assert.Contains("&Tags.Tag.1.Key=team&Tags.Tag.1.Value=data&", body);
        Assert.EndsWith("&EnableCloudwatchLogsExports.member.1=postgresql", body);
    }

    [Fact]
    public void AnEmptyListIsSentAsAnEmptyValue()
    {
        var body = QuerySerializer.Serialize("ModifyDBInstance", "2014-10-31", new ModifyDBInstanceRequest
        {
            DBInstanceIdentifier = "orders",
            VpcSecurityGroupIds = [],
        });

        Assert.Equal("Action=ModifyDBInstance&Version=2014-10-31&DBInstanceIdentifier=orders&VpcSecurityGroupIds=", body);
    }

    [Fact]
    public void ValuesArePercentEncodedAsUnreservedOnly()
    {
        var body = QuerySerializer.Serialize("CreateDBSubnetGroup", "2014-10-31", new CreateDBSubnetGroupRequest
        {
            DBSubnetGroupName = "a b",
            DBSubnetGroupDescription = " %:/?#[]@!$&'()*+,;=😹~-._",
            SubnetIds = ["subnet-1"],
        });

        Assert.Contains("DBSubnetGroupName=a%20b&", body);
        Assert.Contains("DBSubnetGroupDescription=%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9~-._&", body);
    }

    [Fact]
    public void NumbersUseInvariantFormsAndNestedStructuresUseDots()
    {
        var body = QuerySerializer.Serialize("ModifyDBCluster", "2014-10-31", new ModifyDBClusterRequest
        {
            DBClusterIdentifier = "ledger",
            ServerlessV2ScalingConfiguration = new ServerlessV2ScalingConfiguration { MinCapacity = 0.5, MaxCapacity = 128 },
            BacktrackWindow = 3_000_000_000,
        });

        Assert.Contains("&BacktrackWindow=3000000000&", body);
        Assert.EndsWith("&ServerlessV2ScalingConfiguration.MinCapacity=0.5&ServerlessV2ScalingConfiguration.MaxCapacity=128", body);
    }

    [Theory]
    [InlineData("2015-01-25T08:00:00+00:00", "2015-01-25T08%3A00%3A00Z")]
    [InlineData("2015-01-25T09:00:00.250+01:00", "2015-01-25T08%3A00%3A00.25Z")]
    public void TimestampsAreIso8601InUtc(string value, string expected)
    {
        Assert.True(QueryScalars.TryFormat(DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture), out var text));

        Assert.Equal(expected, Uri.EscapeDataString(text));
    }

    [Fact]
    public void BlobsAreBase64()
    {
        Assert.True(QueryScalars.TryFormat("value"u8.ToArray(), out var text));

        Assert.Equal("dmFsdWU=", text);
    }
}
