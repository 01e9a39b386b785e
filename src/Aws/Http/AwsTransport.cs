using System.Globalization;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Skyforge.Aws.Credentials;
using Skyforge.Aws.Protocols;
using Skyforge.Aws.Resilience;
using Skyforge.Aws.Signing;

namespace Skyforge.Aws.Http;

/// <summary>
/// Sends encoded calls through the service's resilience pipeline: each attempt resolves credentials, signs with
/// SigV4, sends over the shared <see cref="HttpClient"/> and turns a failed answer into an
/// <see cref="AwsServiceException"/>. Logs and metrics carry service, operation and outcome only.
/// </summary>
public sealed partial class AwsTransport
{
    private readonly IHttpClientFactory _httpClients;
    private readonly AwsRequestSigner _signer;
    private readonly AwsCredentialsProvider _credentials;
    private readonly AwsRegionResolver _regions;
    private readonly AwsEndpointResolver _endpoints;
    private readonly AwsResiliencePipelines _pipelines;
    private readonly AwsMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AwsTransport> _logger;

    /// <summary>The region this transport is bound to; null follows the configured region.</summary>
    private readonly string? _region;

    public AwsTransport(
        IHttpClientFactory httpClients,
        AwsRequestSigner signer,
        AwsCredentialsProvider credentials,
        AwsRegionResolver regions,
        AwsEndpointResolver endpoints,
        AwsResiliencePipelines pipelines,
        AwsMetrics metrics,
        TimeProvider timeProvider,
        ILogger<AwsTransport> logger)
    {
        _httpClients = httpClients;
        _signer = signer;
        _credentials = credentials;
        _regions = regions;
        _endpoints = endpoints;
        _pipelines = pipelines;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    private AwsTransport(AwsTransport shared, string region)
        : this(shared._httpClients, shared._signer, shared._credentials, shared._regions, shared._endpoints, shared._pipelines, shared._metrics, shared._timeProvider, shared._logger)
    {
        _region = region;
    }

    /// <summary>
    /// A transport that signs for and addresses <paramref name="region"/> instead of the configured region; credentials,
    /// HTTP connections, resilience pipelines and metrics stay shared.
    /// </summary>
    public AwsTransport ForRegion(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return new AwsTransport(this, region);
    }

    internal async Task<AwsHttpResponse> SendAsync(AwsCall call, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await _pipelines.For(call.Service).ExecuteAsync(
                static (state, token) => state.Transport.SendAttemptAsync(state.Call, token),
                (Transport: this, Call: call),
                cancellationToken);
            Record(call, AwsOutcome.Success, started);
            return response;
        }
        catch (AwsServiceException exception)
        {
            Fail(call, exception, started);
            throw;
        }
        catch (TimeoutRejectedException exception)
        {
            var timeout = new AwsServiceException(call.Service, call.Operation, AwsErrorCodes.RequestTimeout, null, null, null, innerException: exception);
            Fail(call, timeout, started);
            throw timeout;
        }
        catch (BrokenCircuitException exception)
        {
            var open = new AwsServiceException(call.Service, call.Operation, AwsErrorCodes.CircuitOpen, null, null, null, exception.RetryAfter, exception);
            Fail(call, open, started);
            throw open;
        }
        catch (AwsConfigurationException)
        {
            Record(call, AwsOutcome.ConfigurationError, started);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(call, AwsOutcome.Canceled, started);
            throw;
        }
    }

    internal static AwsServiceException MalformedResponse(AwsService service, string operation, AwsHttpResponse response, Exception cause) =>
        new(service, operation, AwsErrorCodes.MalformedResponse, response.StatusCode, RequestIdOf(response), null, innerException: cause);

    private async ValueTask<AwsHttpResponse> SendAttemptAsync(AwsCall call, CancellationToken cancellationToken)
    {
        var region = _region ?? _regions.Region;
        var endpoint = _endpoints.Resolve(call.Service, region);
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
        var signedAt = _timeProvider.GetUtcNow() + CorrectClockSkew.GetClockCorrectionForEndpoint(endpoint.ToString());
        using var message = _signer.CreateSignedMessage(call.Service, region, endpoint, call.Request, credentials, signedAt);
        AwsHttpResponse response;
        try
        {
            using var httpResponse = await _httpClients.CreateClient(AwsServiceCollectionExtensions.HttpClientName)
                .SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await httpResponse.Content.ReadAsByteArrayAsync(cancellationToken);
            response = new AwsHttpResponse(httpResponse.StatusCode, HeadersOf(httpResponse), body);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            _metrics.RecordAttempt(call.Service, call.Operation, AwsOutcome.TransportError);
            throw new AwsServiceException(call.Service, call.Operation, AwsErrorCodes.TransportError, null, null, null, innerException: exception);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _metrics.RecordAttempt(call.Service, call.Operation, AwsOutcome.TransportError);
            throw new AwsServiceException(call.Service, call.Operation, AwsErrorCodes.TransportError, null, null, null);
        }
        catch (OperationCanceledException)
        {
            _metrics.RecordAttempt(call.Service, call.Operation, AwsOutcome.Timeout);
            throw;
        }

        if (response.IsSuccess)
        {
            _metrics.RecordAttempt(call.Service, call.Operation, AwsOutcome.Success);
            return response;
        }
        var error = call.Errors.Parse(response);
        var failure = new AwsServiceException(
            call.Service,
            call.Operation,
            error.Code,
            response.StatusCode,
            error.RequestId ?? RequestIdOf(response),
            SensitiveValues.Scrub(error.Message, call.SensitiveValues),
            RetryAfterOf(response));
        _metrics.RecordAttempt(call.Service, call.Operation, AwsOutcome.Of(failure));
        throw failure;
    }

    private void Fail(AwsCall call, AwsServiceException exception, long started)
    {
        Record(call, AwsOutcome.Of(exception), started);
        LogCallFailed(call.Service.Id, call.Operation, exception.ErrorCode, (int?)exception.StatusCode, exception.RequestId);
    }

    private void Record(AwsCall call, string outcome, long started) =>
        _metrics.RecordCall(call.Service, call.Operation, outcome, _timeProvider.GetElapsedTime(started));

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers.TryAdd(name, string.Join(",", values));
        }
        return headers;
    }

    private static string? RequestIdOf(AwsHttpResponse response) =>
        response.Header("x-amzn-RequestId") ?? response.Header("x-amz-request-id");

    private TimeSpan? RetryAfterOf(AwsHttpResponse response)
    {
        var value = response.Header("Retry-After");
        if (value is null)
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Max(date - _timeProvider.GetUtcNow(), TimeSpan.Zero)
            : null;
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;

    [LoggerMessage(Level = LogLevel.Debug, Message = "AWS {Service} {Operation} failed: {ErrorCode} (HTTP {StatusCode}, request id {RequestId})")]
    private partial void LogCallFailed(string service, string operation, string errorCode, int? statusCode, string? requestId);
}
