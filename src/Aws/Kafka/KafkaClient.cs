using Skyforge.Aws.Http;
using Skyforge.Aws.Protocols.RestJson;

namespace Skyforge.Aws.Kafka;

public sealed class KafkaClient : IKafkaClient
{
    internal static readonly RestJsonOperation CreateClusterV2 = new("CreateClusterV2", HttpMethod.Post, "/api/v2/clusters");
    internal static readonly RestJsonOperation DescribeClusterV2 = new("DescribeClusterV2", HttpMethod.Get, "/api/v2/clusters/{clusterArn}");
    internal static readonly RestJsonOperation ListClustersV2 = new(
        "ListClustersV2", HttpMethod.Get, "/api/v2/clusters", "clusterNameFilter", "clusterTypeFilter", "maxResults", "nextToken");
    internal static readonly RestJsonOperation DeleteCluster = new("DeleteCluster", HttpMethod.Delete, "/v1/clusters/{clusterArn}", "currentVersion");
    internal static readonly RestJsonOperation GetBootstrapBrokers = new("GetBootstrapBrokers", HttpMethod.Get, "/v1/clusters/{clusterArn}/bootstrap-brokers");
    internal static readonly RestJsonOperation UpdateBrokerCount = new("UpdateBrokerCount", HttpMethod.Put, "/v1/clusters/{clusterArn}/nodes/count");
    internal static readonly RestJsonOperation UpdateBrokerStorage = new("UpdateBrokerStorage", HttpMethod.Put, "/v1/clusters/{clusterArn}/nodes/storage");
    internal static readonly RestJsonOperation UpdateBrokerType = new("UpdateBrokerType", HttpMethod.Put, "/v1/clusters/{clusterArn}/nodes/type");
    internal static readonly RestJsonOperation TagResource = new("TagResource", HttpMethod.Post, "/v1/tags/{resourceArn}");
    internal static readonly RestJsonOperation UntagResource = new("UntagResource", HttpMethod.Delete, "/v1/tags/{resourceArn}", "tagKeys");
    internal static readonly RestJsonOperation ListTagsForResource = new("ListTagsForResource", HttpMethod.Get, "/v1/tags/{resourceArn}");

    private readonly RestJsonProtocolClient _protocol;

    public KafkaClient(AwsTransport transport)
    {
        _protocol = new RestJsonProtocolClient(AwsService.Kafka, transport);
    }

    public Task<CreateClusterV2Response> CreateClusterV2Async(CreateClusterV2Request request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateClusterV2Request, CreateClusterV2Response>(CreateClusterV2, request, cancellationToken);

    public Task<DescribeClusterV2Response> DescribeClusterV2Async(DescribeClusterV2Request request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeClusterV2Request, DescribeClusterV2Response>(DescribeClusterV2, request, cancellationToken);

    public Task<ListClustersV2Response> ListClustersV2Async(ListClustersV2Request request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ListClustersV2Request, ListClustersV2Response>(ListClustersV2, request, cancellationToken);

    public Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DeleteClusterRequest, DeleteClusterResponse>(DeleteCluster, request, cancellationToken);

    public Task<GetBootstrapBrokersResponse> GetBootstrapBrokersAsync(GetBootstrapBrokersRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<GetBootstrapBrokersRequest, GetBootstrapBrokersResponse>(GetBootstrapBrokers, request, cancellationToken);

    public Task<UpdateBrokerCountResponse> UpdateBrokerCountAsync(UpdateBrokerCountRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<UpdateBrokerCountRequest, UpdateBrokerCountResponse>(UpdateBrokerCount, request, cancellationToken);

    public Task<UpdateBrokerStorageResponse> UpdateBrokerStorageAsync(UpdateBrokerStorageRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<UpdateBrokerStorageRequest, UpdateBrokerStorageResponse>(UpdateBrokerStorage, request, cancellationToken);

    public Task<UpdateBrokerTypeResponse> UpdateBrokerTypeAsync(UpdateBrokerTypeRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<UpdateBrokerTypeRequest, UpdateBrokerTypeResponse>(UpdateBrokerType, request, cancellationToken);

    public Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync(TagResource, request, cancellationToken);

    public Task UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync(UntagResource, request, cancellationToken);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ListTagsForResourceRequest, ListTagsForResourceResponse>(ListTagsForResource, request, cancellationToken);
}
