using System.Net;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Recording;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Every_request_is_recorded_with_its_rbac_verb_and_resource()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        var created = (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("r"))).Expect(HttpStatusCode.Created);
        await client.GetAsync($"{TestResources.WidgetsPath}/r");
        await client.GetAsync("/apis/test.skyforge.dev/v1/widgets");
        await client.PutAsync($"{TestResources.WidgetsPath}/r/status", created);
        await client.MergePatchAsync($"{TestResources.WidgetsPath}/r", JsonNode.Parse("""{"spec":{"replicas":2}}""")!);
        await using (await client.WatchAsync($"{TestResources.WidgetsPath}?watch=1&timeoutSeconds=1"))
        {
        }
        await client.DeleteAsync($"{TestResources.WidgetsPath}/r");
        await client.DeleteAsync(TestResources.WidgetsPath);
        await client.GetAsync("/apis");

        var requests = server.Requests.ResourceRequests("apiserver-tests");

        Assert.Equal(
            ["create", "get", "list", "update", "patch", "watch", "delete", "deletecollection"],
            requests.Select(r => r.Verb));
        Assert.All(requests, r => Assert.Equal(("test.skyforge.dev", "v1", "widgets"), (r.Group, r.Version, r.Resource)));
        Assert.Equal("status", requests[3].Subresource);
        Assert.Equal("", requests[2].Namespace);
        Assert.Equal("default", requests[0].Namespace);
        Assert.Equal("r", requests[1].Name);
        Assert.Contains(server.Requests.Snapshot(), r => !r.IsResourceRequest && r.Path == "/apis" && r.Verb == "get");
        Assert.Contains(("test.skyforge.dev", "widgets/status", "update"), server.Requests.RbacRules("apiserver-tests"));
    }

    [Fact]
    public async Task Unauthenticated_requests_are_recorded_too()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var anonymous = ApiClient.For(server, authenticate: false);

        await anonymous.GetAsync(TestResources.WidgetsPath);

        RecordedRequest recorded = server.Requests.ResourceRequests().Last();
        Assert.Equal(("list", "widgets"), (recorded.Verb, recorded.Resource));
    }
}
