using System.Globalization;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace Skyforge.TestKit.Aws;

/// <summary>
/// Minimal raw EC2 query calls against moto (which does not verify signatures; the credential scope names the
/// service and region) to create the VPC and subnets that moto checks subnet ids against.
/// </summary>
public static class MotoEc2
{
    /// <summary>Creates a VPC (10.0.0.0/16) and one /24 subnet per availability zone suffix (a, b, c, …).</summary>
    public static async Task<MotoNetwork> CreateNetworkAsync(Uri endpoint, string region, int subnetCount = 3, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = endpoint };
        var vpc = await CallAsync(http, region, "CreateVpc", [new("CidrBlock", "10.0.0.0/16")], cancellationToken);
        var vpcId = Value(vpc, "vpcId");
        var subnetIds = new List<string>();
        for (var index = 0; index < subnetCount; index++)
        {
            var subnet = await CallAsync(http, region, "CreateSubnet",
            [
                new("VpcId", vpcId),
                new("CidrBlock", string.Create(CultureInfo.InvariantCulture, $"10.0.{index + 1}.0/24")),
                new("AvailabilityZone", region + (char)('a' + index)),
            ], cancellationToken);
            subnetIds.Add(Value(subnet, "subnetId"));
        }
        var group = await CallAsync(http, region, "CreateSecurityGroup",
        [
            new("GroupName", "skyforge-tests"),
            new("GroupDescription", "Skyforge integration tests"),
            new("VpcId", vpcId),
        ], cancellationToken);
        return new MotoNetwork(vpcId, subnetIds, Value(group, "groupId"));
    }

    private static async Task<XElement> CallAsync(HttpClient http, string region, string action, KeyValuePair<string, string>[] parameters, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2016-11-15") };
        form.AddRange(parameters);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent(form),
        };
        var date = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "AWS4-HMAC-SHA256",
            $"Credential=testing/{date}/{region}/ec2/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"moto EC2 {action} failed with HTTP {(int)response.StatusCode}: {body}");
        }
        return XElement.Parse(body);
    }

    private static string Value(XElement root, string name) =>
        root.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value
        ?? throw new InvalidOperationException($"moto EC2 answer lacks <{name}>: {root}");
}

/// <summary>The VPC, subnets and security group tests place AWS resources in.</summary>
public sealed record MotoNetwork(string VpcId, IReadOnlyList<string> SubnetIds, string SecurityGroupId);
