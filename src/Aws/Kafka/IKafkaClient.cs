namespace Skyforge.Aws.Kafka;

/// <summary>Amazon MSK operations Skyforge uses (restJson1, 2018-11-14).</summary>
public interface IKafkaClient
{
    Task<CreateClusterV2Response> CreateClusterV2Async(CreateClusterV2Request request, CancellationToken cancellationToken);

    Task<DescribeClusterV2Response> DescribeClusterV2Async(DescribeClusterV2Request request, CancellationToken cancellationToken);

    Task<ListClustersV2Response> ListClustersV2Async(ListClustersV2Request request, CancellationToken cancellationToken);

    Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken);

    Task<GetBootstrapBrokersResponse> GetBootstrapBrokersAsync(GetBootstrapBrokersRequest request, CancellationToken cancellationToken);

    Task<UpdateBrokerCountResponse> UpdateBrokerCountAsync(UpdateBrokerCountRequest request, CancellationToken cancellationToken);

    Task<UpdateBrokerStorageResponse> UpdateBrokerStorageAsync(UpdateBrokerStorageRequest request, CancellationToken cancellationToken);

    Task<UpdateBrokerTypeResponse> UpdateBrokerTypeAsync(UpdateBrokerTypeRequest request, CancellationToken cancellationToken);

    Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken);

    Task UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken);

    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken);
}
