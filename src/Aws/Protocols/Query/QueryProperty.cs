using System.Collections.Concurrent;
using System.Reflection;

namespace Skyforge.Aws.Protocols.Query;

/// <summary>A record property as the query codec sees it: wire name (the property name) and list member name.</summary>
internal sealed record QueryProperty(PropertyInfo Property, string ListMemberName)
{
    public const string DefaultListMemberName = "member";
    private static readonly ConcurrentDictionary<Type, QueryProperty[]> ByType = new();

    public string Name => Property.Name;

    public static IReadOnlyList<QueryProperty> Of(Type type) =>
        ByType.GetOrAdd(type, static type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.GetMethod is not null)
            .OrderBy(property => property.MetadataToken)
            .Select(property => new QueryProperty(
                property,
                property.GetCustomAttribute<AwsQueryListAttribute>()?.MemberName ?? DefaultListMemberName))
            .ToArray());
}
