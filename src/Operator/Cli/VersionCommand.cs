using System.Reflection;

namespace Skyforge.Operator.Cli;

/// <summary>`skyforge version`.</summary>
internal static class VersionCommand
{
    public static int Run(TextWriter stdout)
    {
        var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        stdout.WriteLine($"skyforge {version}");
        return ExitCodes.Success;
    }
}
