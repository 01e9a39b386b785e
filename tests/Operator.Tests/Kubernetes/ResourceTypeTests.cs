using Skyforge.Kubernetes;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class ResourceTypeTests
{
    [Fact]
    public void Core_group_resources_live_under_api_v1()
    {
        Assert.Equal("/api/v1/namespaces/team-a/secrets", ResourceTypes.Secrets.CollectionPath("team-a"));
        Assert.Equal("/api/v1/namespaces/team-a/secrets/db", ResourceTypes.Secrets.ObjectPath("team-a", "db"));
        Assert.Equal("v1", ResourceTypes.Secrets.ApiVersion);
    }

    [Fact]
    public void Named_groups_live_under_apis_with_group_and_version()
    {
        Assert.Equal("/apis/apps/v1/namespaces/team-a/deployments/web/status", ResourceTypes.Deployments.ObjectPath("team-a", "web", "status"));
        Assert.Equal("apps/v1", ResourceTypes.Deployments.ApiVersion);
        Assert.Equal("deployments.apps", ResourceTypes.Deployments.GroupResource);
    }

    [Fact]
    public void A_namespaced_collection_without_namespace_spans_all_namespaces()
    {
        Assert.Equal("/apis/apps/v1/deployments", ResourceTypes.Deployments.CollectionPath(null));
    }

    [Fact]
    public void Cluster_scoped_resources_ignore_the_namespace()
    {
        Assert.Equal("/api/v1/namespaces/team-a", ResourceTypes.Namespaces.ObjectPath("ignored", "team-a"));
    }

    [Fact]
    public void Addressing_a_namespaced_object_without_namespace_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ResourceTypes.Secrets.ObjectPath(null, "db"));
        Assert.Contains("namespace", error.Message);
    }

    [Fact]
    public void Path_segments_are_escaped()
    {
        var custom = new ResourceType("example.com", "v1", "widgets", "Widget", Namespaced: true);
        Assert.Equal("/apis/example.com/v1/namespaces/a%20b/widgets/c%2Fd", custom.ObjectPath("a b", "c/d"));
    }
}
