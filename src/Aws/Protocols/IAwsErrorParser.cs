using Skyforge.Aws.Http;

namespace Skyforge.Aws.Protocols;

/// <summary>Reads a failed answer in one protocol's error shape.</summary>
internal interface IAwsErrorParser
{
    AwsErrorInfo Parse(AwsHttpResponse response);
}
