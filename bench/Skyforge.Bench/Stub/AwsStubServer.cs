using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Skyforge.Bench.Stub;

/// <summary>
/// An AWS-free counting stub for runs too large for moto: answers the RDS, ElastiCache, MSK and Secrets Manager
/// calls of the data-service providers in each protocol's wire shape, with every resource available at once and no
/// signature checks. It models nothing else (no transitions, no validation, no limits): figures from it measure
/// the operator, not AWS. Unknown operations get an error and are counted.
/// </summary>
internal sealed partial class AwsStubServer : IAsyncDisposable
{
    public const string AccountId = "123456789012";

    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, IStubService> _services;
    private readonly ConcurrentDictionary<string, int> _unhandled = new(StringComparer.Ordinal);

    private AwsStubServer(WebApplication app, string region)
    {
        _app = app;
        _services = new IStubService[] { new RdsStub(region), new ElastiCacheStub(region), new KafkaStub(region), new SecretsManagerStub(region) }
            .ToDictionary(service => service.Service, StringComparer.Ordinal);
    }

    /// <summary>Made-up subnets and security group: the stub checks no network.</summary>
    public static AwsNetwork Network { get; } = new(["subnet-0b5e0000000000001", "subnet-0b5e0000000000002", "subnet-0b5e0000000000003"], "sg-0b5e0000000000001");

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>"service Operation" → how often it was asked for and not implemented.</summary>
    public IReadOnlyDictionary<string, int> UnhandledOperations => _unhandled.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    public static async Task<AwsStubServer> StartAsync(string region, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new AwsStubServer(app, region);
        app.Run(stub.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.Endpoint = new Uri(address.TrimEnd('/') + "/");
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var request = Parse(context, buffer.ToArray());
        var response = _services.GetValueOrDefault(request.Service)?.Handle(request) ?? Unhandled(request);
        context.Response.StatusCode = (int)response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.ErrorType is { } errorType)
        {
            context.Response.Headers["X-Amzn-ErrorType"] = errorType;
        }
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.Body.WriteAsync(response.Bytes, context.RequestAborted);
    }

    private StubResponse Unhandled(StubRequest request)
    {
        _unhandled.AddOrUpdate($"{request.Service} {request.Operation}", 1, (_, count) => count + 1);
        var message = $"the bench's AWS stub does not implement {request.Service} {request.Operation}";
        return request.Form.Count > 0
            ? StubResponse.QueryError(HttpStatusCode.BadRequest, "InvalidAction", message)
            : StubResponse.JsonError(HttpStatusCode.BadRequest, request.Service == "kafka" ? "BadRequestException" : "UnknownOperationException", message);
    }

    private static StubRequest Parse(HttpContext context, byte[] body)
    {
        var http = context.Request;
        var scope = CredentialScope().Match(http.Headers.Authorization.ToString());
        var service = scope.Success ? scope.Groups["service"].Value : "unknown";
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Path.Value ?? "/";
        var path = rawTarget.Split('?')[0];
        var query = http.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var target = http.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            return new StubRequest(service, target[(target.LastIndexOf('.') + 1)..], new Dictionary<string, string>(), JsonBody(body), http.Method, path, query);
        }
        if (http.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                form[Decode(equals < 0 ? pair : pair[..equals])] = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            }
            return new StubRequest(service, form.GetValueOrDefault("Action") ?? "Unknown", form, [], http.Method, path, query);
        }
        return new StubRequest(service, $"{http.Method} {path}", new Dictionary<string, string>(), JsonBody(body), http.Method, path, query);
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static JsonObject JsonBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();
}
