namespace Skyforge.Operator.Builders.DataServices;

/// <summary>POSIX shell quoting for the scripts setup Jobs and engines run.</summary>
internal static class Shell
{
    /// <summary>The text as one single-quoted word: nothing inside is expanded.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A command line whose every argument is quoted.</summary>
    public static string Command(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    /// <summary>The command list a container runs a script with: sh -c &lt;script&gt;.</summary>
    public static IReadOnlyList<string> Script(IEnumerable<string> lines) => ["/bin/sh", "-c", string.Join('\n', lines)];
}
