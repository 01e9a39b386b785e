using Skyforge.Aws.Http;

namespace Skyforge.Aws.Protocols;

/// <summary>One encoded operation ready for the transport, with the request's secret values for scrubbing.</summary>
internal sealed record AwsCall(
    AwsService Service,
    string Operation,
    AwsHttpRequest Request,
    IAwsErrorParser Errors,
    IReadOnlyCollection<string> SensitiveValues);
