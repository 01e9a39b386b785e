namespace Skyforge.Aws;

/// <summary>Base of every failure the AWS clients raise, so callers can catch one type.</summary>
public abstract class AwsException : Exception
{
    protected AwsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
