using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>The pod template of a service: container, probes, env wiring, restricted security context, zone spread.</summary>
public static class PodTemplate
{
    public const string ContainerPortName = "http";
    public const string MetricsPortName = "metrics";

    public static JsonObject Build(AppPlatform app, AppService service, IReadOnlyDictionary<string, string> podLabels)
    {
        var spec = app.Spec;
        var container = new JsonObject
        {
            ["name"] = service.Name,
            ["image"] = service.Image,
            ["imagePullPolicy"] = "IfNotPresent",
        };
        if (service.Command is { Count: > 0 } command)
        {
            container["command"] = Manifest.ToArray(command);
        }
        if (service.Args is { Count: > 0 } args)
        {
            container["args"] = Manifest.ToArray(args);
        }
        var ports = new JsonArray();
        if (service.Port is { } port)
        {
            ports.Add(new JsonObject { ["name"] = ContainerPortName, ["containerPort"] = port, ["protocol"] = "TCP" });
        }
        if (service.Metrics?.Port is { } metricsPort && metricsPort != service.Port)
        {
            ports.Add(new JsonObject { ["name"] = MetricsPortName, ["containerPort"] = metricsPort, ["protocol"] = "TCP" });
        }
        if (ports.Count > 0)
        {
            container["ports"] = ports;
        }
        var env = BindingEnvironment.Build(spec, service);
        if (env.Count > 0)
        {
            container["env"] = env;
        }
        var envFrom = BindingEnvironment.EnvFrom(spec, service);
        if (envFrom.Count > 0)
        {
            container["envFrom"] = envFrom;
        }
        if (Resources(service.Resources) is { } resources)
        {
            container["resources"] = resources;
        }
        if (service.HealthCheck is { } health)
        {
            container["readinessProbe"] = Probe(health, service, initialDelay: 0, period: 5, failures: 3);
            container["livenessProbe"] = Probe(health, service, initialDelay: health.InitialDelaySeconds ?? 10, period: 10, failures: 3);
        }
        container["securityContext"] = new JsonObject
        {
            ["allowPrivilegeEscalation"] = false,
            ["readOnlyRootFilesystem"] = true,
            ["runAsNonRoot"] = true,
            ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
            ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
        };
        // A read-only root filesystem still needs somewhere to write temporary files.
        container["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "tmp", ["mountPath"] = "/tmp" });

        var podSpec = new JsonObject
        {
            ["serviceAccountName"] = service.Name,
            ["automountServiceAccountToken"] = service.ServiceAccount?.IamRoleArn is not null,
            ["securityContext"] = new JsonObject
            {
                ["runAsNonRoot"] = true,
                ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
            },
            ["containers"] = new JsonArray(container),
            ["volumes"] = new JsonArray(new JsonObject { ["name"] = "tmp", ["emptyDir"] = new JsonObject() }),
        };
        if (spec.Placement?.NodeSelector is { Count: > 0 } nodeSelector)
        {
            podSpec["nodeSelector"] = Manifest.ToObject(nodeSelector.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
        if (spec.Placement?.SpreadAcrossZones ?? true)
        {
            var selector = Manifest.ToObject(AppNames.Selector(app, service.Name));
            podSpec["topologySpreadConstraints"] = new JsonArray(
                Spread("topology.kubernetes.io/zone", selector),
                Spread("kubernetes.io/hostname", selector.DeepClone().AsObject()));
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = Manifest.ToObject(podLabels) },
            ["spec"] = podSpec,
        };
    }

    private static JsonObject Spread(string topologyKey, JsonObject selector) => new()
    {
        ["maxSkew"] = 1,
        ["topologyKey"] = topologyKey,
        // Spreading is a preference: a single-zone K3s cluster must still schedule the pods.
        ["whenUnsatisfiable"] = "ScheduleAnyway",
        ["labelSelector"] = new JsonObject { ["matchLabels"] = selector },
    };

    private static JsonObject Probe(HealthCheck health, AppService service, int initialDelay, int period, int failures)
    {
        JsonNode port = health.Port is { } explicitPort && explicitPort != service.Port ? explicitPort : ContainerPortName;
        return new JsonObject
        {
            ["httpGet"] = new JsonObject { ["path"] = health.Path, ["port"] = port },
            ["initialDelaySeconds"] = initialDelay,
            ["periodSeconds"] = period,
            ["timeoutSeconds"] = 2,
            ["failureThreshold"] = failures,
        };
    }

    private static JsonObject? Resources(ServiceResources? resources)
    {
        if (resources is null)
        {
            return null;
        }
        var requests = new JsonObject();
        var limits = new JsonObject();
        if (resources.Cpu is { } cpu)
        {
            requests["cpu"] = cpu;
        }
        if (resources.Memory is { } memory)
        {
            requests["memory"] = memory;
        }
        if (resources.CpuLimit is { } cpuLimit)
        {
            limits["cpu"] = cpuLimit;
        }
        if ((resources.MemoryLimit ?? resources.Memory) is { } memoryLimit)
        {
            limits["memory"] = memoryLimit;
        }
        var result = new JsonObject();
        if (requests.Count > 0)
        {
            result["requests"] = requests;
        }
        if (limits.Count > 0)
        {
            result["limits"] = limits;
        }
        return result.Count > 0 ? result : null;
    }
}
