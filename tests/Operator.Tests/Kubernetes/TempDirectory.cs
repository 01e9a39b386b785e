namespace Skyforge.Operator.Tests.Kubernetes;

/// <summary>A scratch directory removed after the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("skyforge-kube-").FullName;

    public string Path { get; }

    public string Write(string relativePath, string content)
    {
        var fullPath = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, content);
        return fullPath;
    }

    /// <summary>Writes an executable shell script.</summary>
    public string WriteScript(string relativePath, string body)
    {
        var fullPath = Write(relativePath, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return fullPath;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
