using System.Text;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Protocols.RestJson;

namespace Skyforge.Operator.Tests.Aws;

public sealed class RestJsonEncodingTests
{
    [Fact]
    public void LabelsAndQueryMembersLeaveTheBody()
    {
        var request = RestJsonProtocolClient.Encode(KafkaClient.DeleteCluster, new DeleteClusterRequest
        {
            ClusterArn = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc",
            CurrentVersion = "K3AEGXETSR30VB",
        });

        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/v1/clusters/{clusterArn}", request.ResourcePath);
        Assert.Equal("arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc", request.PathLabels["clusterArn"]);
        Assert.Equal([new KeyValuePair<string, string>("currentVersion", "K3AEGXETSR30VB")], request.Query);
        Assert.Empty(request.Body);
        Assert.Null(request.ContentType);
    }

    [Fact]
    public void BodyMembersKeepTheirJsonNames()
    {
        var request = RestJsonProtocolClient.Encode(KafkaClient.UpdateBrokerCount, new UpdateBrokerCountRequest
        {
            ClusterArn = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc",
            CurrentVersion = "K1",
            TargetNumberOfBrokerNodes = 6,
        });

        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("""{"currentVersion":"K1","targetNumberOfBrokerNodes":6}""", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public void ListQueryMembersRepeatTheirNameOncePerItem()
    {
        var request = RestJsonProtocolClient.Encode(KafkaClient.UntagResource, new UntagResourceRequest
        {
            ResourceArn = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc",
            TagKeys = ["cost-center", "team"],
        });

        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal(["tagKeys=cost-center", "tagKeys=team"], request.Query.Select(pair => $"{pair.Key}={pair.Value}"));
        Assert.Empty(request.Body);
    }

    [Fact]
    public void NumericQueryMembersUseTheirJsonText()
    {
        var request = RestJsonProtocolClient.Encode(KafkaClient.ListClustersV2, new ListClustersV2Request { MaxResults = 25, ClusterNameFilter = "orders" });

        Assert.Equal(["clusterNameFilter=orders", "maxResults=25"], request.Query.Select(pair => $"{pair.Key}={pair.Value}"));
        Assert.Empty(request.Body);
    }

    [Fact]
    public void AnEmptyCreateStillSendsAJsonObject()
    {
        var request = RestJsonProtocolClient.Encode(KafkaClient.TagResource, new TagResourceRequest
        {
            ResourceArn = "arn:aws:kafka:us-east-1:1:cluster/a/b",
            Tags = new Dictionary<string, string>(),
        });

        Assert.Equal("""{"tags":{}}""", Encoding.UTF8.GetString(request.Body));
    }
}
