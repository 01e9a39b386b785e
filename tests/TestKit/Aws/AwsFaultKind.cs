namespace Skyforge.TestKit.Aws;

public enum AwsFaultKind
{
    Throttle,
    ServerError,
    Latency,
    ConnectionReset,
    Error,
}
