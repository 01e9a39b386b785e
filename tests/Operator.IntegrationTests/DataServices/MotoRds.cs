using System.Globalization;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>RDS reads the operator's client does not offer (snapshots), as raw query calls to moto, which does not check signatures.</summary>
internal static class MotoRds
{
    public static Task<IReadOnlyList<string>> SnapshotIdentifiersAsync(Uri endpoint, string region) =>
        IdentifiersAsync(endpoint, region, "DescribeDBSnapshots", "DBSnapshotIdentifier");

    public static Task<IReadOnlyList<string>> ClusterSnapshotIdentifiersAsync(Uri endpoint, string region) =>
        IdentifiersAsync(endpoint, region, "DescribeDBClusterSnapshots", "DBClusterSnapshotIdentifier");

    private static async Task<IReadOnlyList<string>> IdentifiersAsync(Uri endpoint, string region, string action, string element)
    {
        using var http = new HttpClient { BaseAddress = endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent([new("Action", action), new("Version", "2014-10-31")]),
        };
        var date = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        request.Headers.Authorization = new AuthenticationHeaderValue("AWS4-HMAC-SHA256", $"Credential=testing/{date}/{region}/rds/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return XElement.Parse(body).Descendants().Where(node => node.Name.LocalName == element).Select(node => node.Value).ToList();
    }
}
