using System.Globalization;
using System.Reflection;
using Skyforge.Aws.Rds;

namespace Skyforge.Operator.Tests.Controllers;

/// <summary>
/// An <see cref="IRdsClient"/> that holds <c>count</c> instances and answers DescribeDBInstances only (paged by
/// MaxRecords and Marker, or one instance by identifier), counting the calls; any other operation fails the test.
/// </summary>
public class FakeRdsDescribe : DispatchProxy
{
    private IReadOnlyList<DBInstance> _instances = [];

    public int DescribeCalls { get; private set; }

    /// <summary>Changes one instance, as a ModifyDBInstance would.</summary>
    public void Change(string identifier, Func<DBInstance, DBInstance> change) =>
        _instances = [.. _instances.Select(instance => instance.DBInstanceIdentifier == identifier ? change(instance) : instance)];

    public static (IRdsClient Client, FakeRdsDescribe Fake) With(int count)
    {
        var client = Create<IRdsClient, FakeRdsDescribe>();
        var fake = (FakeRdsDescribe)(object)client;
        fake._instances = [.. Enumerable.Range(0, count).Select(index => new DBInstance
        {
            DBInstanceIdentifier = $"db-{index.ToString(CultureInfo.InvariantCulture)}",
            DBInstanceStatus = "available",
        })];
        return (client, fake);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name != nameof(IRdsClient.DescribeDBInstancesAsync) || args?[0] is not DescribeDBInstancesRequest request)
        {
            throw new InvalidOperationException($"{targetMethod?.Name} is not expected from a drift check");
        }
        DescribeCalls++;
        if (request.DBInstanceIdentifier is { } identifier)
        {
            return Task.FromResult(new DescribeDBInstancesResponse { DBInstances = [.. _instances.Where(instance => instance.DBInstanceIdentifier == identifier)] });
        }
        var start = request.Marker is { } marker ? int.Parse(marker, CultureInfo.InvariantCulture) : 0;
        var size = request.MaxRecords ?? 100;
        var next = start + size;
        return Task.FromResult(new DescribeDBInstancesResponse
        {
            DBInstances = [.. _instances.Skip(start).Take(size)],
            Marker = next < _instances.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        });
    }
}
