using System.Globalization;
using System.Xml.Linq;

namespace Skyforge.Bench.Stub;

/// <summary>
/// ElastiCache as far as ManagedCache replication groups need it: subnet and parameter groups, AUTH users and user
/// groups, and replication groups that are available at once.
/// </summary>
internal sealed class ElastiCacheStub(string region) : IStubService
{
    private const string Groups = "replication-groups";
    private const string RedisPort = "6379";

    private readonly QueryStore _store = new($"arn:aws:elasticache:{region}:{AwsStubServer.AccountId}");

    public string Service => "elasticache";

    public StubResponse? Handle(StubRequest request) => request.Operation switch
    {
        "CreateCacheSubnetGroup" => _store.Create(request, "subnet-groups", "CacheSubnetGroupName", "subnetgroup", "CacheSubnetGroupAlreadyExists", group => group.Render("CacheSubnetGroup")),
        "CreateCacheParameterGroup" => _store.Create(request, "parameter-groups", "CacheParameterGroupName", "parametergroup", "CacheParameterGroupAlreadyExists", group => group.Render("CacheParameterGroup")),
        "ModifyCacheParameterGroup" => _store.Modify(request, "parameter-groups", "CacheParameterGroupName", "CacheParameterGroupNotFound",
            _ => StubResponse.Element("CacheParameterGroupName", request.Field("CacheParameterGroupName"))),
        "CreateUser" => _store.Create(request, "users", "UserId", "user", "UserAlreadyExists", user => user.Render("User", StubResponse.Element("Status", "active"), StubResponse.Element("ARN", user.Arn))),
        "CreateUserGroup" => _store.Create(request, "user-groups", "UserGroupId", "usergroup", "UserGroupAlreadyExists", group => group.Render("UserGroup", StubResponse.Element("Status", "active"), StubResponse.Element("ARN", group.Arn))),
        "CreateReplicationGroup" => _store.Create(request, Groups, "ReplicationGroupId", "replicationgroup", "ReplicationGroupAlreadyExists", ReplicationGroup),
        "ModifyReplicationGroup" => _store.Modify(request, Groups, "ReplicationGroupId", "ReplicationGroupNotFoundFault", ReplicationGroup),
        "DescribeReplicationGroups" => _store.Describe(request, Groups, "ReplicationGroupId", "ReplicationGroups", "ReplicationGroupNotFoundFault", ReplicationGroup),
        "ListTagsForResource" => _store.ListTags(request, "ReplicationGroupNotFoundFault"),
        "AddTagsToResource" => _store.AddTags(request, "ReplicationGroupNotFoundFault"),
        _ => null,
    };

    private static XElement ReplicationGroup(QueryResource group)
    {
        var id = group.Field("ReplicationGroupId");
        var nodes = int.TryParse(group.Field("NumCacheClusters"), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1 + (int.TryParse(group.Field("ReplicasPerNodeGroup"), NumberStyles.None, CultureInfo.InvariantCulture, out var replicas) ? replicas : 0);
        var members = Enumerable.Range(1, nodes).Select(index => string.Create(CultureInfo.InvariantCulture, $"{id}-{index:D3}")).ToList();
        var host = $"{id}.stub.{AwsStubServer.AccountId}.cache.local";
        return group.Render("ReplicationGroup",
            StubResponse.Element("Status", "available"),
            StubResponse.Element("ARN", group.Arn),
            StubResponse.Element("AutomaticFailover", group.Field("AutomaticFailoverEnabled") == "true" ? "enabled" : "disabled"),
            StubResponse.Element("MultiAZ", group.Field("MultiAZEnabled") == "true" ? "enabled" : "disabled"),
            StubResponse.Element("ClusterEnabled", "false"),
            StubResponse.Element("AuthTokenEnabled", group.HadCredential ? "true" : "false"),
            StubResponse.Element("MemberClusters", members.Select(member => StubResponse.Element("ClusterId", member))),
            StubResponse.Element("NodeGroups", StubResponse.Element("NodeGroup",
                StubResponse.Element("NodeGroupId", "0001"),
                StubResponse.Element("Status", "available"),
                StubResponse.Element("PrimaryEndpoint", StubResponse.Element("Address", "master." + host), StubResponse.Element("Port", RedisPort)),
                StubResponse.Element("ReaderEndpoint", StubResponse.Element("Address", "replica." + host), StubResponse.Element("Port", RedisPort)),
                StubResponse.Element("NodeGroupMembers", members.Select((member, index) => StubResponse.Element("NodeGroupMember",
                    StubResponse.Element("CacheClusterId", member),
                    StubResponse.Element("CacheNodeId", "0001"),
                    StubResponse.Element("CurrentRole", index == 0 ? "primary" : "replica")))))));
    }
}
