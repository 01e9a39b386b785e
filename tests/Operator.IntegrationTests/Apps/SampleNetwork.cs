using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>
/// Creates in moto the subnets a manifest names, with exactly those ids (the TestKit moto extension honours a
/// <c>skyforge:subnet-id</c> tag), so the seed samples apply as they are written.
/// </summary>
internal static class SampleNetwork
{
    public static async Task CreateAsync(Uri motoEndpoint, JsonObject manifest, string defaultRegion)
    {
        var byRegion = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var network in Networks(manifest, defaultRegion))
        {
            var region = network.Region;
            foreach (var subnet in network.SubnetIds)
            {
                (byRegion.TryGetValue(region, out var set) ? set : byRegion[region] = new SortedSet<string>(StringComparer.Ordinal)).Add(subnet);
            }
        }
        foreach (var (region, subnets) in byRegion)
        {
            var vpc = await MotoQuery.CallAsync(motoEndpoint, region, "ec2", "2016-11-15", "CreateVpc", [new("CidrBlock", "10.0.0.0/16")]);
            var vpcId = MotoQuery.Values(vpc, "vpcId")[0];
            var index = 0;
            foreach (var subnet in subnets)
            {
                await MotoQuery.CallAsync(motoEndpoint, region, "ec2", "2016-11-15", "CreateSubnet",
                [
                    new("VpcId", vpcId),
                    new("CidrBlock", string.Create(CultureInfo.InvariantCulture, $"10.0.{index + 1}.0/24")),
                    new("AvailabilityZone", region + (char)('a' + (index % 3))),
                    new("TagSpecification.1.ResourceType", "subnet"),
                    new("TagSpecification.1.Tag.1.Key", "skyforge:subnet-id"),
                    new("TagSpecification.1.Tag.1.Value", subnet),
                ]);
                index++;
            }
        }
    }

    private static IEnumerable<(string Region, IEnumerable<string> SubnetIds)> Networks(JsonObject manifest, string defaultRegion)
    {
        foreach (var list in new[] { "databases", "caches", "messageBuses" })
        {
            foreach (var child in (manifest["spec"]?[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                var spec = child["spec"];
                if (spec?["network"]?["subnetIds"] is JsonArray subnets)
                {
                    yield return (spec["region"]?.GetValue<string>() ?? defaultRegion, subnets.Select(subnet => subnet!.GetValue<string>()));
                }
            }
        }
    }
}
