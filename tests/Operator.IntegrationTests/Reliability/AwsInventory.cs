using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>An AWS resource whose ownership tags name a Kubernetes object of the cluster under test.</summary>
internal sealed record OwnedAwsResource(string Kind, string Id, string Namespace, string Name);

/// <summary>
/// What moto holds, read straight from moto rather than through the fault proxy (so injected faults never blind the
/// check and the proxy's counts stay the operator's): RDS instances, DB subnet groups and live (not scheduled for
/// deletion) Secrets Manager secrets, with the Kubernetes object their ownership tags name.
/// </summary>
internal sealed class AwsInventory : IAsyncDisposable
{
    public const string Instance = "RDS instance";
    public const string SubnetGroup = "DB subnet group";
    public const string Secret = "Secrets Manager secret";

    private readonly AwsTestHost _direct;
    private readonly HttpClient _http;

    public AwsInventory(MotoFixture moto)
    {
        _direct = moto.CreateHost(options => options.EndpointUrl = moto.Moto.Endpoint.ToString());
        _http = new HttpClient { BaseAddress = moto.Moto.Endpoint };
    }

    /// <summary>RDS straight to moto: what another owner (or a person at the console) does.</summary>
    public IRdsClient Rds => _direct.Rds;

    public async Task<IReadOnlyList<OwnedAwsResource>> OwnedByAsync(string clusterName)
    {
        var owned = new List<OwnedAwsResource>();
        await foreach (var instance in Rds.DescribeAllDBInstancesAsync(new DescribeDBInstancesRequest(), CancellationToken.None))
        {
            Add(owned, Instance, instance.DBInstanceIdentifier!, instance.TagList ?? await TagsAsync(instance.DBInstanceArn!), clusterName);
        }
        var groups = await Rds.DescribeDBSubnetGroupsAsync(new DescribeDBSubnetGroupsRequest(), CancellationToken.None);
        foreach (var group in groups.DBSubnetGroups ?? [])
        {
            Add(owned, SubnetGroup, group.DBSubnetGroupName!, await TagsAsync(group.DBSubnetGroupArn!), clusterName);
        }
        foreach (var secret in await LiveSecretsAsync())
        {
            var tags = (secret["Tags"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(tag => new AwsTag { Key = tag["Key"]!.GetValue<string>(), Value = tag["Value"]?.GetValue<string>() })
                .ToList();
            Add(owned, Secret, secret["Name"]!.GetValue<string>(), tags, clusterName);
        }
        return owned;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _direct.DisposeAsync();
    }

    private static void Add(List<OwnedAwsResource> owned, string kind, string id, IReadOnlyList<AwsTag> tags, string clusterName)
    {
        string? Tag(string key) => tags.LastOrDefault(tag => tag.Key == key)?.Value;
        if (Tag(OwnershipTags.ClusterKey) == clusterName && Tag(OwnershipTags.NamespaceKey) is { } @namespace && Tag(OwnershipTags.NameKey) is { } name)
        {
            owned.Add(new OwnedAwsResource(kind, id, @namespace, name));
        }
    }

    private async Task<IReadOnlyList<AwsTag>> TagsAsync(string arn) =>
        (await Rds.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = arn }, CancellationToken.None)).TagList ?? [];

    /// <summary>ListSecrets, which the operator's client does not offer, as a raw JSON 1.1 call (moto does not check signatures).</summary>
    private async Task<IReadOnlyList<JsonObject>> LiveSecretsAsync()
    {
        var secrets = new List<JsonObject>();
        string? nextToken = null;
        do
        {
            var body = new JsonObject { ["MaxResults"] = 100 };
            if (nextToken is not null)
            {
                body["NextToken"] = nextToken;
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, "/")
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1"),
            };
            request.Headers.Add("X-Amz-Target", "secretsmanager.ListSecrets");
            var date = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            request.Headers.Authorization = new AuthenticationHeaderValue("AWS4-HMAC-SHA256", $"Credential=testing/{date}/{MotoFixture.Region}/secretsmanager/aws4_request, SignedHeaders=host, Signature=0");
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            response.EnsureSuccessStatusCode();
            var page = JsonNode.Parse(text)!.AsObject();
            secrets.AddRange((page["SecretList"] as JsonArray ?? []).OfType<JsonObject>().Where(secret => secret["DeletedDate"] is null));
            nextToken = page["NextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);
        return secrets;
    }
}
