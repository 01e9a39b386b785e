namespace Skyforge.Kubernetes.Configuration;

/// <summary>The client configuration is missing, malformed or inconsistent; the message says what and where.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException(string message) : base(message)
    {
    }

    public KubeConfigException(string message, Exception inner) : base(message, inner)
    {
    }
}
