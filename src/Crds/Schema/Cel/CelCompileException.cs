namespace Skyforge.Crds.Schema.Cel;

/// <summary>A syntax or static-check error in a rule, located by character offset.</summary>
internal sealed class CelCompileException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;

    /// <summary>The message in cel-go's format: <c>ERROR: &lt;input&gt;:1:6: detail</c>.</summary>
    public string Describe(string source)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Math.Min(Position, source.Length); i++)
        {
            if (source[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return $"ERROR: <input>:{line}:{column}: {Message}";
    }
}
