namespace Skyforge.Bench;

/// <summary>The subnets and security group every AWS-backed resource is placed in.</summary>
internal sealed record AwsNetwork(IReadOnlyList<string> SubnetIds, string SecurityGroupId);
