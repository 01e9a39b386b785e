using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Skyforge.Operator.Hosting.Metrics;

namespace Skyforge.Operator.Hosting.Endpoints;

/// <summary>
/// <c>/metrics</c> on the metrics listener; <c>/healthz</c> (the process is live) and <c>/readyz</c> (every check
/// tagged <c>ready</c> passes and the host is not shutting down) on the health listener. Nothing else is served.
/// </summary>
internal sealed class OperatorEndpoints(
    MeterCollector collector,
    ProcessMetrics processMetrics,
    HealthCheckService healthChecks,
    IHostApplicationLifetime lifetime)
{
    public const string ReadyTag = "ready";

    public Task HandleAsync(HttpContext context)
    {
        var role = context.Features.Get<ListenerRoleFeature>()?.Role;
        var path = context.Request.Path.Value;
        return (role, path) switch
        {
            (ListenerRole.Metrics, "/metrics") => OnlyGet(context, MetricsAsync),
            (ListenerRole.Health, "/healthz") => OnlyGet(context, static context => TextAsync(context, StatusCodes.Status200OK, "ok\n")),
            (ListenerRole.Health, "/readyz") => OnlyGet(context, ReadyAsync),
            _ => TextAsync(context, StatusCodes.Status404NotFound, "not found\n"),
        };
    }

    private static Task OnlyGet(HttpContext context, Func<HttpContext, Task> respond)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return respond(context);
        }
        context.Response.Headers.Allow = "GET, HEAD";
        return TextAsync(context, StatusCodes.Status405MethodNotAllowed, "method not allowed\n");
    }

    private Task MetricsAsync(HttpContext context)
    {
        var text = new StringBuilder(16 * 1024);
        PrometheusTextWriter.Write(text, collector.Collect());
        PrometheusTextWriter.Write(text, processMetrics.Collect());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PrometheusTextWriter.ContentType;
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }

    private async Task ReadyAsync(HttpContext context)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await TextAsync(context, StatusCodes.Status503ServiceUnavailable, "not ready: shutting down\n");
            return;
        }
        var report = await healthChecks.CheckHealthAsync(registration => registration.Tags.Contains(ReadyTag), context.RequestAborted);
        var ready = report.Status != HealthStatus.Unhealthy;
        var body = new StringBuilder(ready ? "ok\n" : "not ready\n");
        foreach (var (name, entry) in report.Entries.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            body.Append(name).Append(": ").Append(entry.Status == HealthStatus.Unhealthy ? "failed" : "ok");
            if (entry.Description is { Length: > 0 } description)
            {
                body.Append(" (").Append(description).Append(')');
            }
            body.Append('\n');
        }
        await TextAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body.ToString());
    }

    private static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
