using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Skyforge.Aws.Http;

namespace Skyforge.Aws.Signing;

/// <summary>
/// Signs requests with AWSSDK.Core's SigV4 signer (canonical request, signing key and signature are the SDK's) and
/// composes the wire URL with the SDK's own URL builder so that what is signed is what is sent.
/// </summary>
public sealed class AwsRequestSigner
{
    internal const string UserAgent = "skyforge-operator";
    private const string SecurityTokenHeader = "X-Amz-Security-Token";
    private const string HostHeader = "host";

    private readonly AWS4Signer _signer = new(signPayload: true);

    /// <summary>Builds the signed HTTP request for <paramref name="request"/> against <paramref name="endpoint"/>.</summary>
    public HttpRequestMessage CreateSignedMessage(
        AwsService service,
        string region,
        Uri endpoint,
        AwsHttpRequest request,
        ImmutableCredentials credentials,
        DateTimeOffset signedAt)
    {
        using var sdkRequest = ToSdkRequest(service, region, endpoint, request, credentials);
        var config = new SigningClientConfig(service, region, endpoint);
        var signature = _signer.SignRequest(sdkRequest, config, null, credentials.AccessKey, credentials.SecretKey, signedAt.UtcDateTime);
        sdkRequest.Headers["Authorization"] = signature.ForAuthorizationHeader;

        var message = new HttpRequestMessage(request.Method, AmazonServiceClient.ComposeUrl(sdkRequest));
        if (request.Body.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
        }
        foreach (var (name, value) in sdkRequest.Headers)
        {
            if (string.Equals(name, HostHeader, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return message;
    }

    private static DefaultRequest ToSdkRequest(AwsService service, string region, Uri endpoint, AwsHttpRequest request, ImmutableCredentials credentials)
    {
        var pathPrefix = endpoint.AbsolutePath.TrimEnd('/');
        var sdkRequest = new DefaultRequest(new SigningPlaceholderRequest(), service.SigningName)
        {
            HttpMethod = request.Method.Method,
            Endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Authority)),
            ResourcePath = pathPrefix + request.ResourcePath,
            Content = request.Body,
            UseQueryString = request.Query.Count > 0,
            AuthenticationRegion = region,
            OverrideSigningServiceName = service.SigningName,
        };
        foreach (var (label, value) in request.PathLabels)
        {
            sdkRequest.PathResources["{" + label + "}"] = value;
        }
        foreach (var (name, value) in request.Query)
        {
            sdkRequest.Parameters[name] = value;
        }
        foreach (var (name, value) in request.Headers)
        {
            sdkRequest.Headers[name] = value;
        }
        if (request.ContentType is { } contentType)
        {
            sdkRequest.Headers["Content-Type"] = contentType;
        }
        if (credentials.UseToken)
        {
            sdkRequest.Headers[SecurityTokenHeader] = credentials.Token;
        }
        return sdkRequest;
    }
}
