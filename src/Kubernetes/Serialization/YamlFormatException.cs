namespace Skyforge.Kubernetes.Serialization;

/// <summary>The text is not YAML this reader accepts; the message names the line.</summary>
public sealed class YamlFormatException : Exception
{
    public YamlFormatException(string message) : base(message)
    {
    }

    public YamlFormatException(string message, Exception inner) : base(message, inner)
    {
    }
}
