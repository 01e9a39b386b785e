namespace Skyforge.TestKit.Aws;

/// <summary>How <see cref="MotoServer"/> starts moto.</summary>
public sealed class MotoServerOptions
{
    public string PythonExecutable { get; init; } = "python3";

    /// <summary>Folder holding the <c>skyforge_moto</c> package; defaults to the copy next to the test assembly.</summary>
    public string ExtensionsDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "Aws", "moto_extensions");

    /// <summary>How long CREATING/UPDATING/modifying/deleting states last in the extended services.</summary>
    public TimeSpan TransitionDuration { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
