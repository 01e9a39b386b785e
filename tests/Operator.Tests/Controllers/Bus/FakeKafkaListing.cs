using System.Globalization;
using System.Reflection;
using Skyforge.Aws.Kafka;

namespace Skyforge.Operator.Tests.Controllers.Bus;

/// <summary>
/// An <see cref="IKafkaClient"/> that holds <c>count</c> ACTIVE clusters named bus-0, bus-1, ... and answers
/// ListClustersV2 (paged by maxResults and nextToken, filtered by name prefix) and DescribeClusterV2, counting
/// each; any other operation fails the test.
/// </summary>
public class FakeKafkaListing : DispatchProxy
{
    private IReadOnlyList<Cluster> _clusters = [];

    public int ListCalls { get; private set; }

    public int DescribeCalls { get; private set; }

    public static (IKafkaClient Client, FakeKafkaListing Fake) With(int count)
    {
        var client = Create<IKafkaClient, FakeKafkaListing>();
        var fake = (FakeKafkaListing)(object)client;
        fake._clusters = [.. Enumerable.Range(0, count).Select(index => new Cluster
        {
            ClusterName = $"bus-{index.ToString(CultureInfo.InvariantCulture)}",
            ClusterArn = $"arn:aws:kafka:us-east-1:123456789012:cluster/bus-{index.ToString(CultureInfo.InvariantCulture)}/uuid",
            State = "ACTIVE",
        })];
        return (client, fake);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (args?[0])
        {
            case ListClustersV2Request list when targetMethod?.Name == nameof(IKafkaClient.ListClustersV2Async):
                ListCalls++;
                var matching = _clusters.Where(cluster => list.ClusterNameFilter is not { } prefix || cluster.ClusterName!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                var start = list.NextToken is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
                var size = list.MaxResults ?? 10;
                var next = start + size;
                return Task.FromResult(new ListClustersV2Response
                {
                    ClusterInfoList = [.. matching.Skip(start).Take(size)],
                    NextToken = next < matching.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
                });
            case DescribeClusterV2Request describe when targetMethod?.Name == nameof(IKafkaClient.DescribeClusterV2Async):
                DescribeCalls++;
                return Task.FromResult(new DescribeClusterV2Response { ClusterInfo = _clusters.Single(cluster => cluster.ClusterArn == describe.ClusterArn) });
            default:
                throw new InvalidOperationException($"{targetMethod?.Name} is not expected from a drift check");
        }
    }
}
