using System.Globalization;

namespace Skyforge.Bench.Stub;

/// <summary>Marker paging of a query-protocol Describe: the marker is the index of the page's first item.</summary>
internal static class QueryPage
{
    private const int DefaultMaxRecords = 100;

    /// <summary>The items of the requested page and the marker of the next one (null on the last page).</summary>
    public static (IReadOnlyList<T> Items, string? NextMarker) Of<T>(IReadOnlyList<T> all, StubRequest request)
    {
        var size = int.TryParse(request.Field("MaxRecords"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : DefaultMaxRecords;
        var start = int.TryParse(request.Field("Marker"), NumberStyles.None, CultureInfo.InvariantCulture, out var marker) ? marker : 0;
        var page = all.Skip(start).Take(size).ToList();
        return (page, start + size < all.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null);
    }
}
