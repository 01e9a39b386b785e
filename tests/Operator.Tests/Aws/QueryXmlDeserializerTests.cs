using System.Text;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Protocols.Query;
using Skyforge.Aws.Rds;

namespace Skyforge.Operator.Tests.Aws;

public sealed class QueryXmlDeserializerTests
{
    [Fact]
    public void ReadsNestedStructuresListsAndScalarsUnderTheResultElement()
    {
        const string xml = """
            <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
              <DescribeDBInstancesResult>
                <Marker>page-2</Marker>
                <DBInstances>
                  <DBInstance>
                    <DBInstanceIdentifier>orders</DBInstanceIdentifier>
                    <DBInstanceStatus>available</DBInstanceStatus>
                    <AllocatedStorage>20</AllocatedStorage>
                    <MultiAZ>false</MultiAZ>
                    <InstanceCreateTime>2019-12-16T22:48:18.123-01:00</InstanceCreateTime>
                    <Endpoint><Address>orders.abc.us-east-1.rds.amazonaws.com</Address><Port>5432</Port></Endpoint>
                    <VpcSecurityGroups>
                      <VpcSecurityGroupMembership><VpcSecurityGroupId>sg-1</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership>
                      <VpcSecurityGroupMembership><VpcSecurityGroupId>sg-2</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership>
                    </VpcSecurityGroups>
                    <ReadReplicaDBInstanceIdentifiers/>
                    <UnknownMember>ignored</UnknownMember>
                  </DBInstance>
                </DBInstances>
              </DescribeDBInstancesResult>
              <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
            </DescribeDBInstancesResponse>
            """;

        var result = QueryXmlDeserializer.ReadResult<DescribeDBInstancesResponse>(Encoding.UTF8.GetBytes(xml), "DescribeDBInstances");

        Assert.Equal("page-2", result.Marker);
        var instance = Assert.Single(result.DBInstances!);
        Assert.Equal("orders", instance.DBInstanceIdentifier);
        Assert.Equal("available", instance.DBInstanceStatus);
        Assert.Equal(20, instance.AllocatedStorage);
        Assert.False(instance.MultiAZ);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1576540098123), instance.InstanceCreateTime);
        Assert.Equal(5432, instance.Endpoint?.Port);
        Assert.Equal(["sg-1", "sg-2"], instance.VpcSecurityGroups!.Select(group => group.VpcSecurityGroupId));
        Assert.Empty(instance.ReadReplicaDBInstanceIdentifiers!);
        Assert.Null(instance.DBName);
    }

    [Fact]
    public void ListMembersMayBeNamedMemberAndNamespacesAreIgnored()
    {
        const string xml = """
            <DescribeServerlessCachesResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">
              <DescribeServerlessCachesResult>
                <ServerlessCaches>
                  <member xmlns="http://other.example.com/">
                    <ServerlessCacheName>carts</ServerlessCacheName>
                    <SubnetIds><SubnetId>subnet-1</SubnetId><SubnetId>subnet-2</SubnetId></SubnetIds>
                    <CacheUsageLimits><DataStorage><Maximum>10</Maximum><Unit>GB</Unit></DataStorage></CacheUsageLimits>
                  </member>
                </ServerlessCaches>
              </DescribeServerlessCachesResult>
            </DescribeServerlessCachesResponse>
            """;

        var result = QueryXmlDeserializer.ReadResult<DescribeServerlessCachesResponse>(Encoding.UTF8.GetBytes(xml), "DescribeServerlessCaches");

        var cache = Assert.Single(result.ServerlessCaches!);
        Assert.Equal("carts", cache.ServerlessCacheName);
        Assert.Equal(["subnet-1", "subnet-2"], cache.SubnetIds);
        Assert.Equal(10, cache.CacheUsageLimits?.DataStorage?.Maximum);
    }

    [Fact]
    public void AnOperationWithoutResultElementYieldsAnEmptyRecord()
    {
        var result = QueryXmlDeserializer.ReadResult<ModifyDBParameterGroupResponse>(
            Encoding.UTF8.GetBytes("<ModifyDBParameterGroupResponse><ResponseMetadata><RequestId>x</RequestId></ResponseMetadata></ModifyDBParameterGroupResponse>"),
            "ModifyDBParameterGroup");

        Assert.Null(result.DBParameterGroupName);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance><AllocatedStorage>lots</AllocatedStorage></DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>")]
    public void MalformedAnswersAreFormatErrors(string body)
    {
        Assert.ThrowsAny<FormatException>(() => QueryXmlDeserializer.ReadResult<DescribeDBInstancesResponse>(Encoding.UTF8.GetBytes(body), "DescribeDBInstances"));
    }
}
