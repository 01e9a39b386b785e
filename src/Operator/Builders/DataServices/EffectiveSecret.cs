using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>The values a ManagedSecret spec means where it leaves them unset.</summary>
public static class EffectiveSecret
{
    /// <summary>The last segment of derived Secrets Manager names (see <see cref="AwsNames.SecretName"/>).</summary>
    public const string AwsSecretPurpose = "values";

    /// <summary>generate.length, default 32.</summary>
    public static int Length(GeneratedSecretSource source) => source.Length ?? 32;

    /// <summary>generate.keys, default ["value"].</summary>
    public static IReadOnlyList<string> Keys(GeneratedSecretSource source) => source.Keys is { Count: > 0 } keys ? keys : ["value"];

    /// <summary>Whether generated values may contain printable symbols (characters: ascii) or only letters and digits (the default).</summary>
    public static bool AsciiSymbols(GeneratedSecretSource source) => source.Characters == SecretCharacters.Ascii;

    /// <summary>targetSecretName, default the resource's name.</summary>
    public static string TargetSecretName(ManagedSecretSpec spec, string resourceName) => spec.TargetSecretName ?? resourceName;

    /// <summary>awsSecretName, default skyforge/&lt;cluster&gt;/&lt;namespace&gt;/&lt;name&gt;/values.</summary>
    public static string AwsSecretName(ManagedSecretSpec spec, BuildContext context, ResourceIdentity owner) =>
        spec.AwsSecretName ?? AwsNames.SecretName(context.ClusterName, owner, AwsSecretPurpose);

    /// <summary>refreshInterval (default 1h) as a duration.</summary>
    /// <exception cref="ArgumentException">The interval is not a duration such as 15m or 1h30m.</exception>
    public static TimeSpan RefreshInterval(ManagedSecretSpec spec)
    {
        var text = spec.RefreshInterval ?? "1h";
        return Durations.TryParse(text, out var interval) && interval > TimeSpan.Zero
            ? interval
            : throw new ArgumentException($"refreshInterval \"{text}\" is not a duration such as 15m or 1h", nameof(spec));
    }

    /// <summary>How often generated values are regenerated, or null when they are not rotated.</summary>
    public static TimeSpan? RotationInterval(ManagedSecretSpec spec) =>
        spec.Rotation is { } rotation ? TimeSpan.FromDays(rotation.IntervalDays) : null;

    public static string Region(ManagedSecretSpec spec, BuildContext context) => spec.Region ?? context.DefaultRegion;
}
