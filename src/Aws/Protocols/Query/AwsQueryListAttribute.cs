namespace Skyforge.Aws.Protocols.Query;

/// <summary>
/// The element name of a list's members in the query protocol, e.g. <c>Tag</c> for <c>Tags.Tag.1.Key</c> or
/// <c>VpcSecurityGroupId</c> for <c>VpcSecurityGroupIds.VpcSecurityGroupId.1</c>. Lists without it use <c>member</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AwsQueryListAttribute : Attribute
{
    public AwsQueryListAttribute(string memberName)
    {
        MemberName = memberName;
    }

    public string MemberName { get; }
}
