using Skyforge.TestKit.Aws;

namespace Skyforge.Bench;

/// <summary>
/// The AWS requests the fault proxy saw in one window (a slice of its records in arrival order): per service,
/// reads and writes, and how many drift listings started (the first page of a paginated Describe/List without
/// an identifier), which is how drift cycles are counted.
/// </summary>
internal sealed class AwsTraffic
{
    private readonly IReadOnlyList<AwsRecordedRequest> _requests;

    private AwsTraffic(IReadOnlyList<AwsRecordedRequest> requests) => _requests = requests;

    public int Total => _requests.Count;

    public int Writes => _requests.Count(request => !IsRead(request.Operation));

    public IReadOnlyList<string> Services => [.. _requests.Select(request => request.Service).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Records [<paramref name="from"/>, <paramref name="to"/>) of the proxy's log.</summary>
    public static AwsTraffic Slice(IReadOnlyList<AwsRecordedRequest> records, int from, int to) => new([.. records.Skip(from).Take(to - from)]);

    public int Count(string service) => _requests.Count(request => request.Service == service);

    public int Reads(string service) => _requests.Count(request => request.Service == service && IsRead(request.Operation));

    public int WritesOf(string service) => _requests.Count(request => request.Service == service && !IsRead(request.Operation));

    /// <summary>How many drift listings of <paramref name="service"/> began in the window.</summary>
    public int ListingsStarted(string service) => _requests.Count(request => request.Service == service && StartsListing(request));

    /// <summary>Responses that were not 2xx (errors answered by the backend).</summary>
    public int Failures => _requests.Count(request => request.StatusCode is < 200 or >= 300);

    /// <summary>Error responses other than a 4xx to a read (a not-found answer to an existence check is part of every create).</summary>
    public int UnexpectedFailures => _requests.Count(request => request.StatusCode is < 200 or >= 300 && !(request.StatusCode is >= 400 and < 500 && IsRead(request.Operation)));

    /// <summary>"CreateDBInstance 10, DescribeDBInstances 20, ..." for one service.</summary>
    public string Operations(string service) => string.Join(", ", _requests.Where(request => request.Service == service)
        .GroupBy(request => request.Operation).OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
        .Select(group => $"{group.Key} {group.Count()}"));

    /// <summary>"rds InvalidParameterValue 400 ×3" for the failed responses, to explain them.</summary>
    public string FailureSummary() => string.Join(", ", _requests.Where(request => request.StatusCode is < 200 or >= 300)
        .GroupBy(request => $"{request.Service} {request.Operation} HTTP {request.StatusCode}").Select(group => $"{group.Key} ×{group.Count()}"));

    private static bool IsRead(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal) || operation.StartsWith("Get", StringComparison.Ordinal);

    private static bool StartsListing(AwsRecordedRequest request)
    {
        var parameters = request.Parameters;
        return request.Operation switch
        {
            "DescribeDBInstances" => parameters["DBInstanceIdentifier"] is null && parameters["Marker"] is null,
            "DescribeDBClusters" => parameters["DBClusterIdentifier"] is null && parameters["Marker"] is null,
            "DescribeReplicationGroups" => parameters["ReplicationGroupId"] is null && parameters["Marker"] is null,
            "DescribeServerlessCaches" => parameters["ServerlessCacheName"] is null && parameters["NextToken"] is null,
            "ListClustersV2" => parameters["query"]?["clusterNameFilter"] is null && parameters["query"]?["nextToken"] is null,
            _ => false,
        };
    }
}
