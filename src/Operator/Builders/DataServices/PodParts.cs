using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>Pieces of pod specs shared by in-cluster engines and setup Jobs.</summary>
internal static class PodParts
{
    /// <summary>Pod-level restricted security context: the image's non-root user, its group owning volumes, RuntimeDefault seccomp.</summary>
    public static JsonObject PodSecurityContext(InClusterImage image) => new()
    {
        ["runAsNonRoot"] = true,
        ["runAsUser"] = image.UserId,
        ["runAsGroup"] = image.GroupId,
        ["fsGroup"] = image.GroupId,
        ["fsGroupChangePolicy"] = "OnRootMismatch",
        ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
    };

    /// <summary>Container-level restricted security context: no privilege escalation, no capabilities, read-only root.</summary>
    public static JsonObject ContainerSecurityContext() => new()
    {
        ["runAsNonRoot"] = true,
        ["allowPrivilegeEscalation"] = false,
        ["readOnlyRootFilesystem"] = true,
        ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
        ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
    };

    public static JsonObject Env(string name, string value) => new() { ["name"] = name, ["value"] = value };

    /// <summary>An environment variable read from a Secret key: how every credential reaches a container.</summary>
    public static JsonObject EnvFromSecret(string name, string secretName, string key) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject
        {
            ["secretKeyRef"] = new JsonObject { ["name"] = secretName, ["key"] = key },
        },
    };

    public static JsonObject Port(string name, int port) => new()
    {
        ["name"] = name,
        ["containerPort"] = port,
        ["protocol"] = "TCP",
    };

    public static JsonObject ExecProbe(IEnumerable<string> command, int initialDelaySeconds, int periodSeconds, int timeoutSeconds, int failureThreshold) => new()
    {
        ["exec"] = new JsonObject { ["command"] = JsonParts.Strings(command) },
        ["initialDelaySeconds"] = initialDelaySeconds,
        ["periodSeconds"] = periodSeconds,
        ["timeoutSeconds"] = timeoutSeconds,
        ["failureThreshold"] = failureThreshold,
    };

    public static JsonObject TcpProbe(string portName, int initialDelaySeconds, int periodSeconds, int failureThreshold) => new()
    {
        ["tcpSocket"] = new JsonObject { ["port"] = portName },
        ["initialDelaySeconds"] = initialDelaySeconds,
        ["periodSeconds"] = periodSeconds,
        ["timeoutSeconds"] = 5,
        ["failureThreshold"] = failureThreshold,
    };

    /// <summary>Requests from spec.resources; memory is also the limit, so the engine is not killed for using what it asked for while a neighbour starves. Null when nothing is set.</summary>
    public static JsonObject? Resources(InClusterResources? resources)
    {
        if (resources?.Cpu is null && resources?.Memory is null)
        {
            return null;
        }
        var requests = JsonParts.Compact(new JsonObject { ["cpu"] = resources.Cpu, ["memory"] = resources.Memory });
        var result = new JsonObject { ["requests"] = requests };
        if (resources.Memory is not null)
        {
            result["limits"] = new JsonObject { ["memory"] = resources.Memory };
        }
        return result;
    }

    public static JsonObject EmptyDirVolume(string name) => new() { ["name"] = name, ["emptyDir"] = new JsonObject() };

    public static JsonObject ConfigMapVolume(string name, string configMapName) => new()
    {
        ["name"] = name,
        ["configMap"] = new JsonObject { ["name"] = configMapName },
    };

    public static JsonObject Mount(string volume, string path, bool readOnly = false)
    {
        var mount = new JsonObject { ["name"] = volume, ["mountPath"] = path };
        if (readOnly)
        {
            mount["readOnly"] = true;
        }
        return mount;
    }
}
