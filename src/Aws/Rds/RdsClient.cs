using Skyforge.Aws.Http;
using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed class RdsClient : IRdsClient
{
    private readonly QueryProtocolClient _protocol;

    public RdsClient(AwsTransport transport)
    {
        _protocol = new QueryProtocolClient(AwsService.Rds, transport);
    }

    public Task<CreateDBInstanceResponse> CreateDBInstanceAsync(CreateDBInstanceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateDBInstanceRequest, CreateDBInstanceResponse>("CreateDBInstance", request, cancellationToken);

    public Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeDBInstancesRequest, DescribeDBInstancesResponse>("DescribeDBInstances", request, cancellationToken);

    public Task<ModifyDBInstanceResponse> ModifyDBInstanceAsync(ModifyDBInstanceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ModifyDBInstanceRequest, ModifyDBInstanceResponse>("ModifyDBInstance", request, cancellationToken);

    public Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DeleteDBInstanceRequest, DeleteDBInstanceResponse>("DeleteDBInstance", request, cancellationToken);

    public Task<CreateDBInstanceReadReplicaResponse> CreateDBInstanceReadReplicaAsync(CreateDBInstanceReadReplicaRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateDBInstanceReadReplicaRequest, CreateDBInstanceReadReplicaResponse>("CreateDBInstanceReadReplica", request, cancellationToken);

    public Task<CreateDBClusterResponse> CreateDBClusterAsync(CreateDBClusterRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateDBClusterRequest, CreateDBClusterResponse>("CreateDBCluster", request, cancellationToken);

    public Task<DescribeDBClustersResponse> DescribeDBClustersAsync(DescribeDBClustersRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeDBClustersRequest, DescribeDBClustersResponse>("DescribeDBClusters", request, cancellationToken);

    public Task<ModifyDBClusterResponse> ModifyDBClusterAsync(ModifyDBClusterRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ModifyDBClusterRequest, ModifyDBClusterResponse>("ModifyDBCluster", request, cancellationToken);

    public Task<DeleteDBClusterResponse> DeleteDBClusterAsync(DeleteDBClusterRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DeleteDBClusterRequest, DeleteDBClusterResponse>("DeleteDBCluster", request, cancellationToken);

    public Task<CreateDBSubnetGroupResponse> CreateDBSubnetGroupAsync(CreateDBSubnetGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateDBSubnetGroupRequest, CreateDBSubnetGroupResponse>("CreateDBSubnetGroup", request, cancellationToken);

    public Task<DescribeDBSubnetGroupsResponse> DescribeDBSubnetGroupsAsync(DescribeDBSubnetGroupsRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeDBSubnetGroupsRequest, DescribeDBSubnetGroupsResponse>("DescribeDBSubnetGroups", request, cancellationToken);

    public Task DeleteDBSubnetGroupAsync(DeleteDBSubnetGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("DeleteDBSubnetGroup", request, cancellationToken);

    public Task<CreateDBParameterGroupResponse> CreateDBParameterGroupAsync(CreateDBParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateDBParameterGroupRequest, CreateDBParameterGroupResponse>("CreateDBParameterGroup", request, cancellationToken);

    public Task<ModifyDBParameterGroupResponse> ModifyDBParameterGroupAsync(ModifyDBParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ModifyDBParameterGroupRequest, ModifyDBParameterGroupResponse>("ModifyDBParameterGroup", request, cancellationToken);

    public Task DeleteDBParameterGroupAsync(DeleteDBParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("DeleteDBParameterGroup", request, cancellationToken);

    public Task<CreateDBClusterParameterGroupResponse> CreateDBClusterParameterGroupAsync(CreateDBClusterParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateDBClusterParameterGroupRequest, CreateDBClusterParameterGroupResponse>("CreateDBClusterParameterGroup", request, cancellationToken);

    public Task<ModifyDBClusterParameterGroupResponse> ModifyDBClusterParameterGroupAsync(ModifyDBClusterParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ModifyDBClusterParameterGroupRequest, ModifyDBClusterParameterGroupResponse>("ModifyDBClusterParameterGroup", request, cancellationToken);

    public Task DeleteDBClusterParameterGroupAsync(DeleteDBClusterParameterGroupRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("DeleteDBClusterParameterGroup", request, cancellationToken);

    public Task AddTagsToResourceAsync(AddTagsToResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("AddTagsToResource", request, cancellationToken);

    public Task RemoveTagsFromResourceAsync(RemoveTagsFromResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("RemoveTagsFromResource", request, cancellationToken);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", request, cancellationToken);
}
