using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>ServiceMonitor, PrometheusRule and dashboard ConfigMap for the Prometheus Operator and Grafana.</summary>
public static class Observability
{
    public static IEnumerable<JsonObject> Build(AppPlatform app)
    {
        var spec = app.Spec.Observability;
        if (spec is null)
        {
            yield break;
        }
        var appName = app.Metadata.Name!;
        var owner = AppNames.Identity(app);
        var labels = Manifest.Labels(appName, appName, "monitoring", appName);
        var scraped = (app.Spec.Services ?? []).Where(s => s.Metrics is not null).ToList();

        if (spec.ServiceMonitor == true && scraped.Count > 0)
        {
            var monitor = Manifest.New("monitoring.coreos.com/v1", "ServiceMonitor", owner, appName, labels);
            var endpoints = new JsonArray();
            foreach (var path in scraped.Select(s => new { Port = MetricsPortName(s), Path = s.Metrics!.Path ?? "/metrics" }).Distinct())
            {
                endpoints.Add(new JsonObject { ["port"] = path.Port, ["path"] = path.Path, ["interval"] = "30s" });
            }
            monitor["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject
                {
                    ["matchLabels"] = new JsonObject { [Manifest.PartOfLabel] = appName, [AppNames.MetricsLabel] = "true" },
                },
                ["endpoints"] = endpoints,
            };
            yield return monitor;
        }

        if (spec.Alerts is { } alerts && (alerts.CpuPercent is not null || alerts.MemoryPercent is not null))
        {
            var rule = Manifest.New("monitoring.coreos.com/v1", "PrometheusRule", owner, appName, labels);
            var rules = new JsonArray();
            var ns = app.Metadata.Namespace ?? "default";
            foreach (var service in app.Spec.Services ?? [])
            {
                if (alerts.CpuPercent is { } cpu)
                {
                    rules.Add(Alert($"{Pascal(service.Name)}HighCpu", ns, service.Name, "cpu",
                        $"sum(rate(container_cpu_usage_seconds_total{{namespace=\"{ns}\",container=\"{service.Name}\"}}[5m])) / sum(kube_pod_container_resource_requests{{namespace=\"{ns}\",container=\"{service.Name}\",resource=\"cpu\"}}) * 100 > {cpu}", cpu));
                }
                if (alerts.MemoryPercent is { } memory)
                {
                    rules.Add(Alert($"{Pascal(service.Name)}HighMemory", ns, service.Name, "memory",
                        $"sum(container_memory_working_set_bytes{{namespace=\"{ns}\",container=\"{service.Name}\"}}) / sum(kube_pod_container_resource_limits{{namespace=\"{ns}\",container=\"{service.Name}\",resource=\"memory\"}}) * 100 > {memory}", memory));
                }
            }
            rule["spec"] = new JsonObject
            {
                ["groups"] = new JsonArray(new JsonObject { ["name"] = $"{appName}.resources", ["rules"] = rules }),
            };
            yield return rule;
        }

        if (spec.Dashboards == true)
        {
            var dashboardLabels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal) { ["grafana_dashboard"] = "1" };
            var dashboard = Manifest.New("v1", "ConfigMap", owner, $"{appName}-dashboard", dashboardLabels);
            dashboard["data"] = new JsonObject { [$"{appName}.json"] = Dashboard(app) };
            yield return dashboard;
        }
    }

    private static string MetricsPortName(AppService service) =>
        service.Metrics!.Port is { } port && port != service.Port ? PodTemplate.MetricsPortName : PodTemplate.ContainerPortName;

    private static JsonObject Alert(string name, string ns, string service, string resource, string expression, int threshold) => new()
    {
        ["alert"] = name,
        ["expr"] = expression,
        ["for"] = "10m",
        ["labels"] = new JsonObject { ["severity"] = "warning", ["service"] = service },
        ["annotations"] = new JsonObject
        {
            ["summary"] = $"{service} in {ns} uses more than {threshold.ToString(CultureInfo.InvariantCulture)}% of its {resource}",
        },
    };

    private static string Dashboard(AppPlatform app)
    {
        var panels = new JsonArray();
        var id = 1;
        foreach (var service in app.Spec.Services ?? [])
        {
            panels.Add(new JsonObject
            {
                ["id"] = id++,
                ["type"] = "timeseries",
                ["title"] = $"{service.Name} CPU",
                ["targets"] = new JsonArray(new JsonObject
                {
                    ["expr"] = $"sum(rate(container_cpu_usage_seconds_total{{namespace=\"{app.Metadata.Namespace}\",container=\"{service.Name}\"}}[5m]))",
                }),
            });
        }
        return new JsonObject { ["title"] = app.Metadata.Name, ["panels"] = panels, ["schemaVersion"] = 39 }.ToJsonString();
    }

    private static string Pascal(string name) =>
        string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
