using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Skyforge.TestKit.Aws;

/// <summary>
/// An HTTP reverse proxy on 127.0.0.1 in front of an AWS endpoint (moto) that injects faults by rule — throttling
/// and 5xx in each protocol's real error shape, latency, connection resets, errors such as NotFound right after a
/// create — counts requests per service and operation, and records their parameters.
/// </summary>
public sealed class AwsFaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Content-Length", "Expect",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private readonly List<AwsRecordedRequest> _requests = [];
    private readonly ConcurrentDictionary<(string Service, string Operation), int> _counts = new();
    private Random _random;

    private AwsFaultProxy(WebApplication app, Uri upstream, int seed)
    {
        _app = app;
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = upstream,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _random = new Random(seed);
    }

    /// <summary>Base URL to give clients as their AWS endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<AwsFaultProxy> StartAsync(Uri upstream, int seed = 4711, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new AwsFaultProxy(app, upstream, seed);
        app.Run(proxy.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        return proxy;
    }

    /// <summary>Adds a rule; rules are tried in the order added and the first that fires wins.</summary>
    public void Inject(AwsFaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule));
        }
    }

    /// <summary>After each successful <paramref name="createOperation"/>, answers the next <paramref name="times"/>
    /// <paramref name="readOperation"/> requests with <paramref name="errorCode"/> (eventual consistency).</summary>
    public void InjectNotFoundAfterCreate(string service, string createOperation, string readOperation, string errorCode, int statusCode, int times = 1) =>
        Inject(new AwsFaultRule(AwsFault.Error(errorCode, statusCode, "The resource was not found."))
        {
            Service = service,
            Operation = readOperation,
            AfterOperation = createOperation,
            Times = times,
        });

    /// <summary>Removes every rule and reseeds the random source.</summary>
    public void ClearFaults(int seed = 4711)
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = new Random(seed);
        }
    }

    /// <summary>Forgets recorded requests and counts.</summary>
    public void ClearRecords()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
        _counts.Clear();
    }

    public IReadOnlyList<AwsRecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests received for <paramref name="service"/>, optionally one <paramref name="operation"/> only.</summary>
    public int Count(string service, string? operation = null) =>
        _counts.Where(entry => entry.Key.Service == service && (operation is null || entry.Key.Operation == operation)).Sum(entry => entry.Value);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var request = AwsRequestClassifier.Classify(context.Request, body);
        _counts.AddOrUpdate((request.Service, request.Operation), 1, (_, count) => count + 1);

        var fault = NextFault(request);
        switch (fault?.Kind)
        {
            case AwsFaultKind.ConnectionReset:
                Record(request, 0, fault);
                context.Abort();
                return;
            case AwsFaultKind.Throttle or AwsFaultKind.ServerError or AwsFaultKind.Error:
                await AwsErrorRenderer.WriteAsync(context.Response, request, fault, cancellationToken);
                Record(request, context.Response.StatusCode, fault);
                return;
            case AwsFaultKind.Latency:
                await Task.Delay(fault.Delay, cancellationToken);
                break;
        }

        var status = await ForwardAsync(context, body, cancellationToken);
        if (status is >= 200 and < 300)
        {
            Arm(request);
        }
        Record(request, status, fault);
    }

    private AwsFault? NextFault(ClassifiedRequest request)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.TryFire(request, _random))
                {
                    return rule.Rule.Fault;
                }
            }
            return null;
        }
    }

    private void Arm(ClassifiedRequest request)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                rule.ArmIfTriggeredBy(request);
            }
        }
    }

    private void Record(ClassifiedRequest request, int status, AwsFault? fault)
    {
        lock (_gate)
        {
            _requests.Add(new AwsRecordedRequest(request.Service, request.Operation, request.Parameters, status, fault?.Kind));
        }
    }

    private async Task<int> ForwardAsync(HttpContext context, byte[] body, CancellationToken cancellationToken)
    {
        var incoming = context.Request;
        using var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), incoming.Path.Value + incoming.QueryString.Value)
        {
            Content = new ByteArrayContent(body),
        };
        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHopHeaders.Contains(name))
            {
                continue;
            }
            if (!outgoing.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                outgoing.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        outgoing.Headers.Host = incoming.Host.Value;

        using var answer = await _upstream.SendAsync(outgoing, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHopHeaders.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }
        var content = await answer.Content.ReadAsByteArrayAsync(cancellationToken);
        await response.Body.WriteAsync(content, cancellationToken);
        return response.StatusCode;
    }

    private sealed class ActiveRule(AwsFaultRule rule)
    {
        private int _fired;
        private int _armed;

        public AwsFaultRule Rule { get; } = rule;

        public bool TryFire(ClassifiedRequest request, Random random)
        {
            if (!Matches(request.Service, request.Operation))
            {
                return false;
            }
            if (Rule.AfterOperation is not null)
            {
                if (_armed == 0)
                {
                    return false;
                }
                _armed--;
                return true;
            }
            if (Rule.Times is { } times && _fired >= times)
            {
                return false;
            }
            if (Rule.Probability < 1.0 && random.NextDouble() >= Rule.Probability)
            {
                return false;
            }
            _fired++;
            return true;
        }

        public void ArmIfTriggeredBy(ClassifiedRequest request)
        {
            if (Rule.AfterOperation == request.Operation && (Rule.Service is null || Rule.Service == request.Service))
            {
                _armed = Rule.Times ?? 1;
            }
        }

        private bool Matches(string service, string operation) =>
            (Rule.Service is null || Rule.Service == service) && (Rule.Operation is null || Rule.Operation == operation);
    }
}
