namespace Skyforge.Aws;

/// <summary>AWS access is not configured well enough to send a request: no region, no credentials, a bad endpoint.</summary>
public sealed class AwsConfigurationException : AwsException
{
    public AwsConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
