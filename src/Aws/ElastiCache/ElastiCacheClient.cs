using Skyforge.Aws.Http;
using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed class ElastiCacheClient : IElastiCacheClient
{
    private readonly QueryProtocolClient _protocol;

    public ElastiCacheClient(AwsTransport transport)
    {
        _protocol = new QueryProtocolClient(AwsService.ElastiCache, transport);
    }

    public Task<CreateReplicationGroupResponse> CreateReplicationGroupAsync(CreateReplicationGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateReplicationGroupRequest, CreateReplicationGroupResponse>("CreateReplicationGroup", request, cancellationToken);

    public Task<DescribeReplicationGroupsResponse> DescribeReplicationGroupsAsync(DescribeReplicationGroupsRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeReplicationGroupsRequest, DescribeReplicationGroupsResponse>("DescribeReplicationGroups", request, cancellationToken);

    public Task<ModifyReplicationGroupResponse> ModifyReplicationGroupAsync(ModifyReplicationGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ModifyReplicationGroupRequest, ModifyReplicationGroupResponse>("ModifyReplicationGroup", request, cancellationToken);

    public Task<DeleteReplicationGroupResponse> DeleteReplicationGroupAsync(DeleteReplicationGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DeleteReplicationGroupRequest, DeleteReplicationGroupResponse>("DeleteReplicationGroup", request, cancellationToken);

    public Task<IncreaseReplicaCountResponse> IncreaseReplicaCountAsync(IncreaseReplicaCountRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<IncreaseReplicaCountRequest, IncreaseReplicaCountResponse>("IncreaseReplicaCount", request, cancellationToken);

    public Task<DecreaseReplicaCountResponse> DecreaseReplicaCountAsync(DecreaseReplicaCountRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DecreaseReplicaCountRequest, DecreaseReplicaCountResponse>("DecreaseReplicaCount", request, cancellationToken);

    public Task<CreateCacheSubnetGroupResponse> CreateCacheSubnetGroupAsync(CreateCacheSubnetGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateCacheSubnetGroupRequest, CreateCacheSubnetGroupResponse>("CreateCacheSubnetGroup", request, cancellationToken);

    public Task<DescribeCacheSubnetGroupsResponse> DescribeCacheSubnetGroupsAsync(DescribeCacheSubnetGroupsRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeCacheSubnetGroupsRequest, DescribeCacheSubnetGroupsResponse>("DescribeCacheSubnetGroups", request, cancellationToken);

    public Task DeleteCacheSubnetGroupAsync(DeleteCacheSubnetGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("DeleteCacheSubnetGroup", request, cancellationToken);

    public Task<CreateCacheParameterGroupResponse> CreateCacheParameterGroupAsync(CreateCacheParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateCacheParameterGroupRequest, CreateCacheParameterGroupResponse>("CreateCacheParameterGroup", request, cancellationToken);

    public Task<ModifyCacheParameterGroupResponse> ModifyCacheParameterGroupAsync(ModifyCacheParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ModifyCacheParameterGroupRequest, ModifyCacheParameterGroupResponse>("ModifyCacheParameterGroup", request, cancellationToken);

    public Task DeleteCacheParameterGroupAsync(DeleteCacheParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("DeleteCacheParameterGroup", request, cancellationToken);

    public Task<CreateServerlessCacheResponse> CreateServerlessCacheAsync(CreateServerlessCacheRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateServerlessCacheRequest, CreateServerlessCacheResponse>("CreateServerlessCache", request, cancellationToken);

    public Task<DescribeServerlessCachesResponse> DescribeServerlessCachesAsync(DescribeServerlessCachesRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeServerlessCachesRequest, DescribeServerlessCachesResponse>("DescribeServerlessCaches", request, cancellationToken);

    public Task<ModifyServerlessCacheResponse> ModifyServerlessCacheAsync(ModifyServerlessCacheRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ModifyServerlessCacheRequest, ModifyServerlessCacheResponse>("ModifyServerlessCache", request, cancellationToken);

    public Task<DeleteServerlessCacheResponse> DeleteServerlessCacheAsync(DeleteServerlessCacheRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DeleteServerlessCacheRequest, DeleteServerlessCacheResponse>("DeleteServerlessCache", request, cancellationToken);

    public Task<User> CreateUserAsync(CreateUserRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateUserRequest, User>("CreateUser", request, cancellationToken);

    public Task<User> DeleteUserAsync(DeleteUserRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DeleteUserRequest, User>("DeleteUser", request, cancellationToken);

    public Task<UserGroup> CreateUserGroupAsync(CreateUserGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateUserGroupRequest, UserGroup>("CreateUserGroup", request, cancellationToken);

    public Task<DescribeUserGroupsResponse> DescribeUserGroupsAsync(DescribeUserGroupsRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeUserGroupsRequest, DescribeUserGroupsResponse>("DescribeUserGroups", request, cancellationToken);

    public Task<UserGroup> DeleteUserGroupAsync(DeleteUserGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DeleteUserGroupRequest, UserGroup>("DeleteUserGroup", request, cancellationToken);

    public Task<AddTagsToResourceResponse> AddTagsToResourceAsync(AddTagsToResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<AddTagsToResourceRequest, AddTagsToResourceResponse>("AddTagsToResource", request, cancellationToken);

    public Task RemoveTagsFromResourceAsync(RemoveTagsFromResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("RemoveTagsFromResource", request, cancellationToken);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", request, cancellationToken);
}
