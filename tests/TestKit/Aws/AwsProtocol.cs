namespace Skyforge.TestKit.Aws;

/// <summary>The wire protocol of a proxied request, which decides the shape of injected errors.</summary>
public enum AwsProtocol
{
    Query,
    Json,
    RestJson,
}
