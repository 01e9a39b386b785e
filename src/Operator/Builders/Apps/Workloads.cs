using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>
/// One service's workload objects: ServiceAccount, Deployment(s) for its rollout strategy, Service(s),
/// HorizontalPodAutoscaler and PodDisruptionBudget.
/// </summary>
public static class Workloads
{
    public const string Blue = "blue";
    public const string Green = "green";
    public const string Stable = "stable";
    public const string Canary = "canary";

    public static IEnumerable<JsonObject> Build(AppPlatform app, AppService service)
    {
        var owner = AppNames.Identity(app);
        var labels = AppNames.ServiceLabels(app, service.Name);
        var strategy = service.Rollout?.Strategy ?? RolloutStrategy.RollingUpdate;

        yield return ServiceAccount(app, service, owner, labels);

        switch (strategy)
        {
            case RolloutStrategy.BlueGreen:
                yield return Deployment(app, service, AppNames.ColorName(service.Name, Blue), (AppNames.ColorLabel, Blue), DesiredReplicas(app, service));
                yield return Deployment(app, service, AppNames.ColorName(service.Name, Green), (AppNames.ColorLabel, Green), 0);
                break;
            case RolloutStrategy.Canary:
                yield return Deployment(app, service, service.Name, (AppNames.TrackLabel, Stable), DesiredReplicas(app, service));
                yield return Deployment(app, service, AppNames.CanaryName(service.Name), (AppNames.TrackLabel, Canary), 0);
                break;
            default:
                yield return Deployment(app, service, service.Name, null, DesiredReplicas(app, service));
                break;
        }

        if (service.Kind != ServiceKind.Worker)
        {
            var selector = AppNames.Selector(app, service.Name);
            if (strategy == RolloutStrategy.BlueGreen)
            {
                selector[AppNames.ColorLabel] = Blue;
            }
            var weightedCanary = strategy == RolloutStrategy.Canary && app.Spec.Target == Target.Eks;
            if (weightedCanary)
            {
                selector[AppNames.TrackLabel] = Stable;
            }
            yield return Service(app, service, service.Name, selector, service.NodePort);
            if (weightedCanary)
            {
                var canarySelector = AppNames.Selector(app, service.Name);
                canarySelector[AppNames.TrackLabel] = Canary;
                yield return Service(app, service, AppNames.CanaryName(service.Name), canarySelector, null);
            }
        }
        else if (service.Metrics is not null)
        {
            yield return MetricsService(app, service);
        }

        if (service.Autoscaling is not null)
        {
            var target = strategy switch
            {
                RolloutStrategy.BlueGreen => AppNames.ColorName(service.Name, Blue),
                _ => service.Name,
            };
            yield return Autoscaler(app, service, target);
        }
        var minimum = service.Autoscaling is not null ? EnvironmentDefaults.MinReplicas(app.Spec, service) : EnvironmentDefaults.Replicas(app.Spec, service);
        if (minimum >= 2)
        {
            yield return DisruptionBudget(app, service, owner, labels);
        }
    }

    /// <summary>Replicas written into the Deployment; null while an HPA owns the count.</summary>
    private static int? DesiredReplicas(AppPlatform app, AppService service) =>
        service.Autoscaling is null ? EnvironmentDefaults.Replicas(app.Spec, service) : null;

    private static JsonObject ServiceAccount(AppPlatform app, AppService service, ResourceIdentity owner, IReadOnlyDictionary<string, string> labels)
    {
        var account = Manifest.New("v1", "ServiceAccount", owner, service.Name, labels);
        if (service.ServiceAccount?.IamRoleArn is { } role && app.Spec.Target == Target.Eks)
        {
            account["metadata"]!["annotations"] = new JsonObject { ["eks.amazonaws.com/role-arn"] = role };
        }
        account["automountServiceAccountToken"] = service.ServiceAccount?.IamRoleArn is not null;
        return account;
    }

    private static JsonObject Deployment(AppPlatform app, AppService service, string name, (string Key, string Value)? variant, int? replicas)
    {
        var labels = AppNames.ServiceLabels(app, service.Name);
        var selector = AppNames.Selector(app, service.Name);
        var podLabels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal);
        foreach (var used in BindingEnvironment.UsedNames(service))
        {
            podLabels[AppNames.UsesLabelPrefix + used] = "true";
        }
        if (service.Metrics is not null)
        {
            podLabels[AppNames.MetricsLabel] = "true";
        }
        if (variant is { } v)
        {
            labels[v.Key] = v.Value;
            selector[v.Key] = v.Value;
            podLabels[v.Key] = v.Value;
        }
        var deployment = Manifest.New("apps/v1", "Deployment", AppNames.Identity(app), name, labels);
        var rollout = service.Rollout;
        var spec = new JsonObject();
        if (replicas is { } count)
        {
            spec["replicas"] = count;
        }
        spec["revisionHistoryLimit"] = 10;
        spec["progressDeadlineSeconds"] = rollout?.ProgressDeadlineSeconds ?? 600;
        spec["selector"] = new JsonObject { ["matchLabels"] = Manifest.ToObject(selector) };
        var rollingUpdate = new JsonObject
        {
            ["maxSurge"] = rollout?.MaxSurge?.DeepClone() ?? "25%",
            ["maxUnavailable"] = rollout?.MaxUnavailable?.DeepClone() ?? (EnvironmentDefaults.IsProd(app.Spec) ? "0%" : "25%"),
        };
        spec["strategy"] = new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = rollingUpdate };
        spec["template"] = PodTemplate.Build(app, service, podLabels);
        deployment["spec"] = spec;
        return deployment;
    }

    private static JsonObject Service(AppPlatform app, AppService service, string name, IReadOnlyDictionary<string, string> selector, int? nodePort)
    {
        var labels = AppNames.ServiceLabels(app, service.Name);
        if (service.Metrics is not null)
        {
            labels[AppNames.MetricsLabel] = "true";
        }
        var kubeService = Manifest.New("v1", "Service", AppNames.Identity(app), name, labels);
        if (app.Spec.Target == Target.Eks && service.HealthCheck is { } health)
        {
            // The ALB health-checks each target group; per-Service annotations let every route have its own path.
            kubeService["metadata"]!["annotations"] = new JsonObject { ["alb.ingress.kubernetes.io/healthcheck-path"] = health.Path };
        }
        var port = new JsonObject
        {
            ["name"] = PodTemplate.ContainerPortName,
            ["port"] = service.Port!.Value,
            ["targetPort"] = PodTemplate.ContainerPortName,
            ["protocol"] = "TCP",
        };
        if (nodePort is { } fixedNodePort)
        {
            port["nodePort"] = fixedNodePort;
        }
        var ports = new JsonArray(port);
        if (service.Metrics?.Port is { } metricsPort && metricsPort != service.Port)
        {
            ports.Add(new JsonObject { ["name"] = PodTemplate.MetricsPortName, ["port"] = metricsPort, ["targetPort"] = PodTemplate.MetricsPortName, ["protocol"] = "TCP" });
        }
        kubeService["spec"] = new JsonObject
        {
            ["type"] = nodePort is null ? "ClusterIP" : "NodePort",
            ["selector"] = Manifest.ToObject(selector),
            ["ports"] = ports,
        };
        return kubeService;
    }

    private static JsonObject MetricsService(AppPlatform app, AppService service)
    {
        var labels = AppNames.ServiceLabels(app, service.Name);
        labels[AppNames.MetricsLabel] = "true";
        var kubeService = Manifest.New("v1", "Service", AppNames.Identity(app), AppNames.MetricsService(service.Name), labels);
        kubeService["spec"] = new JsonObject
        {
            ["type"] = "ClusterIP",
            ["selector"] = Manifest.ToObject(AppNames.Selector(app, service.Name)),
            ["ports"] = new JsonArray(new JsonObject
            {
                ["name"] = PodTemplate.MetricsPortName,
                ["port"] = service.Metrics!.Port!.Value,
                ["targetPort"] = PodTemplate.MetricsPortName,
                ["protocol"] = "TCP",
            }),
        };
        return kubeService;
    }

    private static JsonObject Autoscaler(AppPlatform app, AppService service, string target)
    {
        var autoscaling = service.Autoscaling!;
        var hpa = Manifest.New("autoscaling/v2", "HorizontalPodAutoscaler", AppNames.Identity(app), service.Name, AppNames.ServiceLabels(app, service.Name));
        var metrics = new JsonArray();
        var cpu = autoscaling.TargetCPUUtilization ?? (autoscaling.TargetMemoryUtilization is null ? 80 : null);
        if (cpu is { } cpuTarget)
        {
            metrics.Add(ResourceMetric("cpu", cpuTarget));
        }
        if (autoscaling.TargetMemoryUtilization is { } memoryTarget)
        {
            metrics.Add(ResourceMetric("memory", memoryTarget));
        }
        hpa["spec"] = new JsonObject
        {
            ["scaleTargetRef"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = target },
            ["minReplicas"] = EnvironmentDefaults.MinReplicas(app.Spec, service),
            ["maxReplicas"] = autoscaling.MaxReplicas,
            ["metrics"] = metrics,
            ["behavior"] = new JsonObject
            {
                ["scaleDown"] = new JsonObject { ["stabilizationWindowSeconds"] = autoscaling.ScaleDownStabilizationSeconds ?? 300 },
            },
        };
        return hpa;
    }

    private static JsonObject ResourceMetric(string resource, int utilization) => new()
    {
        ["type"] = "Resource",
        ["resource"] = new JsonObject
        {
            ["name"] = resource,
            ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = utilization },
        },
    };

    private static JsonObject DisruptionBudget(AppPlatform app, AppService service, ResourceIdentity owner, IReadOnlyDictionary<string, string> labels)
    {
        var pdb = Manifest.New("policy/v1", "PodDisruptionBudget", owner, service.Name, labels);
        pdb["spec"] = new JsonObject
        {
            ["maxUnavailable"] = 1,
            ["selector"] = new JsonObject { ["matchLabels"] = Manifest.ToObject(AppNames.Selector(app, service.Name)) },
        };
        return pdb;
    }
}
