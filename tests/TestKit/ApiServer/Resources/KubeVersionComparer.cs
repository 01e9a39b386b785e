using System.Text.RegularExpressions;

namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>
/// Orders API versions the way discovery does: GA before beta before alpha, higher numbers first,
/// versions that are not Kubernetes-like last in alphabetical order.
/// </summary>
internal sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var (xKube, xMajor, xStage, xMinor) = Parse(x ?? "");
        var (yKube, yMajor, yStage, yMinor) = Parse(y ?? "");
        if (xKube != yKube)
        {
            return xKube ? -1 : 1;
        }
        if (!xKube)
        {
            return string.CompareOrdinal(x, y);
        }
        if (xStage != yStage)
        {
            return xStage.CompareTo(yStage);
        }
        if (xMajor != yMajor)
        {
            return yMajor.CompareTo(xMajor);
        }
        return yMinor.CompareTo(xMinor);
    }

    private static (bool Kube, int Major, int Stage, int Minor) Parse(string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            return (false, 0, 0, 0);
        }
        var stage = match.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (true, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), stage, minor);
    }

    [GeneratedRegex(@"^v(\d+)(?:(alpha|beta)(\d+))?$")]
    private static partial Regex VersionPattern();
}
