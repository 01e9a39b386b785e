namespace Skyforge.Operator.Hosting.Settings;

/// <summary>One <c>run</c> flag; each is also read from <c>SKYFORGE_&lt;NAME&gt;</c> when not given on the command line.</summary>
/// <param name="Name">Without the leading dashes, e.g. <c>drift-interval</c>.</param>
/// <param name="Placeholder">Shown in the usage after the flag; null for a switch.</param>
/// <param name="Default">The value used when neither flag nor environment sets one, as shown in the usage.</param>
public sealed record RunFlag(string Name, string? Placeholder, string Description, string? Default = null)
{
    public string Option => "--" + Name;

    public string EnvironmentVariable => "SKYFORGE_" + Name.ToUpperInvariant().Replace('-', '_');

    public bool IsSwitch => Placeholder is null;
}
