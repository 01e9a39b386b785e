namespace Skyforge.Bench;

/// <summary>
/// Quantiles of a Prometheus histogram from its cumulative buckets, as <c>histogram_quantile</c> estimates them:
/// linear interpolation inside the bucket that holds the rank. Only as precise as the bucket bounds.
/// </summary>
internal static class HistogramQuantile
{
    /// <summary>The cumulative counts of <paramref name="later"/> minus those of <paramref name="earlier"/>: a window's buckets.</summary>
    public static SortedDictionary<double, double> Between(SortedDictionary<double, double> earlier, SortedDictionary<double, double> later)
    {
        var window = new SortedDictionary<double, double>();
        foreach (var (bound, count) in later)
        {
            window[bound] = count - earlier.GetValueOrDefault(bound);
        }
        return window;
    }

    /// <summary>
    /// The estimated <paramref name="quantile"/> (0..1): null when the histogram is empty, positive infinity when it
    /// lies above the highest finite bucket bound.
    /// </summary>
    public static double? Estimate(SortedDictionary<double, double> buckets, double quantile)
    {
        if (buckets.Count == 0)
        {
            return null;
        }
        var total = buckets.Last().Value;
        if (total <= 0)
        {
            return null;
        }
        var rank = quantile * total;
        var lowerBound = 0.0;
        var lowerCount = 0.0;
        foreach (var (bound, count) in buckets)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(bound))
                {
                    // Above the highest finite bound: nothing more precise can be said.
                    return double.PositiveInfinity;
                }
                var inBucket = count - lowerCount;
                return inBucket <= 0 ? bound : lowerBound + ((bound - lowerBound) * (rank - lowerCount) / inBucket);
            }
            lowerBound = bound;
            lowerCount = count;
        }
        return lowerBound;
    }
}
