using Skyforge.Crds.Schema;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Parses Go-style durations (90s, 15m, 1h30m, 250ms) as specs and flags write them.</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        if (GoDuration.TryParse(text, out var nanoseconds) && nanoseconds >= 0)
        {
            duration = TimeSpan.FromTicks(nanoseconds / 100);
            return true;
        }
        duration = TimeSpan.Zero;
        return false;
    }
}
