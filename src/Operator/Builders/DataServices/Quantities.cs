using System.Globalization;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>Kubernetes resource quantities (512Mi, 1G, 1.5Gi) as numbers.</summary>
internal static class Quantities
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("P", 1e15m), ("E", 1e18m), ("m", 0.001m),
    ];

    /// <summary>The quantity in base units (bytes for memory), rounded down.</summary>
    /// <exception cref="ArgumentException">Not a quantity of the form the CRD schema admits.</exception>
    public static long ToUnits(string quantity)
    {
        var (number, factor) = Suffixes
            .Where(entry => quantity.EndsWith(entry.Suffix, StringComparison.Ordinal))
            .Select(entry => (quantity[..^entry.Suffix.Length], entry.Factor))
            .DefaultIfEmpty((quantity, 1m))
            .First();
        if (!decimal.TryParse(number.TrimStart('+'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"\"{quantity}\" is not a resource quantity such as 512Mi or 2Gi", nameof(quantity));
        }
        return (long)decimal.Floor(value * factor);
    }
}
