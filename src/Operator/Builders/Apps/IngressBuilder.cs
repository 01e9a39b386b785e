using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>
/// The application's Ingress: on EKS an ALB through the AWS Load Balancer Controller's annotations,
/// on K3s Traefik. Paths are ordered most specific first because the ALB evaluates rules in order.
/// </summary>
public static class IngressBuilder
{
    public const string AlbAnnotationPrefix = "alb.ingress.kubernetes.io/";

    public static JsonObject? Build(AppPlatform app)
    {
        var routed = (app.Spec.Services ?? []).Where(s => s.Route is not null && s.Kind != ServiceKind.Worker).ToList();
        if (routed.Count == 0)
        {
            return null;
        }
        var spec = app.Spec;
        var ingressSpec = spec.Ingress ?? new IngressSpec();
        var eks = spec.Target == Target.Eks;
        var ingress = Manifest.New("networking.k8s.io/v1", "Ingress", AppNames.Identity(app), app.Metadata.Name!,
            Manifest.Labels(app.Metadata.Name!, app.Metadata.Name!, "ingress", app.Metadata.Name!));
        var annotations = eks ? AlbAnnotations(ingressSpec, routed) : TraefikAnnotations(ingressSpec);
        if (eks)
        {
            foreach (var service in routed.Where(s => s.Rollout?.Strategy == RolloutStrategy.Canary))
            {
                annotations[AlbAnnotationPrefix + "actions." + service.Name] = CanaryAction(service, canaryWeight: 0);
            }
        }
        if (annotations.Count > 0)
        {
            ingress["metadata"]!["annotations"] = annotations;
        }

        var paths = new JsonArray();
        foreach (var service in routed.OrderByDescending(s => s.Route!.Path.Length).ThenBy(s => s.Route!.Path, StringComparer.Ordinal))
        {
            var port = service.Rollout?.Strategy == RolloutStrategy.Canary && eks
                ? new JsonObject { ["name"] = "use-annotation" }
                : new JsonObject { ["number"] = service.Port!.Value };
            paths.Add(new JsonObject
            {
                ["path"] = service.Route!.Path,
                ["pathType"] = (service.Route.PathType ?? PathType.Prefix).ToString(),
                ["backend"] = new JsonObject { ["service"] = new JsonObject { ["name"] = service.Name, ["port"] = port } },
            });
        }
        var rule = new JsonObject();
        if (ingressSpec.Host is { } host)
        {
            rule["host"] = host;
        }
        rule["http"] = new JsonObject { ["paths"] = paths };

        var body = new JsonObject { ["ingressClassName"] = ingressSpec.ClassName ?? (eks ? "alb" : "traefik") };
        if (ingressSpec.Tls?.SecretName is { } tlsSecret)
        {
            var tls = new JsonObject { ["secretName"] = tlsSecret };
            if (ingressSpec.Host is { } tlsHost)
            {
                tls["hosts"] = new JsonArray(tlsHost);
            }
            body["tls"] = new JsonArray(tls);
        }
        body["rules"] = new JsonArray(rule);
        ingress["spec"] = body;
        return ingress;
    }

    /// <summary>The URL users reach the application at, once the load balancer exists.</summary>
    public static string? Url(AppPlatform app)
    {
        if (app.Spec.Ingress?.Host is not { } host || !(app.Spec.Services ?? []).Any(s => s.Route is not null))
        {
            return null;
        }
        return (app.Spec.Ingress.Tls is null ? "http://" : "https://") + host;
    }

    /// <summary>The ALB forward action splitting one route between the stable and canary Services.</summary>
    public static string CanaryAction(AppService service, int canaryWeight)
    {
        var action = new JsonObject
        {
            ["type"] = "forward",
            ["forwardConfig"] = new JsonObject
            {
                ["targetGroups"] = new JsonArray(
                    new JsonObject { ["serviceName"] = service.Name, ["servicePort"] = service.Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ["weight"] = 100 - canaryWeight },
                    new JsonObject { ["serviceName"] = AppNames.CanaryName(service.Name), ["servicePort"] = service.Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ["weight"] = canaryWeight }),
            },
        };
        return action.ToJsonString();
    }

    private static JsonObject AlbAnnotations(IngressSpec ingress, List<AppService> routed)
    {
        var tls = ingress.Tls is not null;
        var annotations = new JsonObject
        {
            [AlbAnnotationPrefix + "scheme"] = ingress.Scheme == IngressScheme.Internal ? "internal" : "internet-facing",
            [AlbAnnotationPrefix + "target-type"] = "ip",
            [AlbAnnotationPrefix + "listen-ports"] = tls ? "[{\"HTTP\":80},{\"HTTPS\":443}]" : "[{\"HTTP\":80}]",
        };
        if (ingress.Tls?.CertificateArn is { } certificate)
        {
            annotations[AlbAnnotationPrefix + "certificate-arn"] = certificate;
        }
        if (tls && (ingress.SslRedirect ?? true))
        {
            annotations[AlbAnnotationPrefix + "ssl-redirect"] = "443";
        }
        if (routed.Select(s => s.HealthCheck?.Path).FirstOrDefault(p => p is not null) is { } healthPath)
        {
            // Default for target groups; each Service carries its own path annotation too.
            annotations[AlbAnnotationPrefix + "healthcheck-path"] = healthPath;
        }
        if (ingress.GroupName is { } group)
        {
            annotations[AlbAnnotationPrefix + "group.name"] = group;
        }
        if (ingress.WafAclArn is { } waf)
        {
            annotations[AlbAnnotationPrefix + "wafv2-acl-arn"] = waf;
        }
        return annotations;
    }

    private static JsonObject TraefikAnnotations(IngressSpec ingress)
    {
        var annotations = new JsonObject();
        if (ingress.Tls is not null)
        {
            annotations["traefik.ingress.kubernetes.io/router.entrypoints"] = "websecure";
            annotations["traefik.ingress.kubernetes.io/router.tls"] = "true";
        }
        return annotations;
    }
}
