using System.Globalization;
using System.Xml.Linq;

namespace Skyforge.TestKit.Aws;

/// <summary>
/// Minimal raw EC2 query calls against moto (<see cref="MotoQuery"/>) to create the VPC and subnets that moto checks
/// subnet ids against.
/// </summary>
public static class MotoEc2
{
    /// <summary>Creates a VPC (10.0.0.0/16) and one /24 subnet per availability zone suffix (a, b, c, …).</summary>
    public static async Task<MotoNetwork> CreateNetworkAsync(Uri endpoint, string region, int subnetCount = 3, CancellationToken cancellationToken = default)
    {
        var vpc = await CallAsync(endpoint, region, "CreateVpc", [new("CidrBlock", "10.0.0.0/16")], cancellationToken);
        var vpcId = Value(vpc, "vpcId");
        var subnetIds = new List<string>();
        for (var index = 0; index < subnetCount; index++)
        {
            var subnet = await CallAsync(endpoint, region, "CreateSubnet",
            [
                new("VpcId", vpcId),
                new("CidrBlock", string.Create(CultureInfo.InvariantCulture, $"10.0.{index + 1}.0/24")),
                new("AvailabilityZone", region + (char)('a' + index)),
            ], cancellationToken);
            subnetIds.Add(Value(subnet, "subnetId"));
        }
        var group = await CallAsync(endpoint, region, "CreateSecurityGroup",
        [
            new("GroupName", "skyforge-tests"),
            new("GroupDescription", "Skyforge integration tests"),
            new("VpcId", vpcId),
        ], cancellationToken);
        return new MotoNetwork(vpcId, subnetIds, Value(group, "groupId"));
    }

    private static Task<XElement> CallAsync(Uri endpoint, string region, string action, KeyValuePair<string, string>[] parameters, CancellationToken cancellationToken) =>
        MotoQuery.CallAsync(endpoint, region, "ec2", "2016-11-15", action, parameters, cancellationToken);

    private static string Value(XElement root, string name) =>
        root.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value
        ?? throw new InvalidOperationException($"moto EC2 answer lacks <{name}>: {root}");
}

/// <summary>The VPC, subnets and security group tests place AWS resources in.</summary>
public sealed record MotoNetwork(string VpcId, IReadOnlyList<string> SubnetIds, string SecurityGroupId);
