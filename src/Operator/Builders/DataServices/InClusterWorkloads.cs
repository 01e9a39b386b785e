using System.Globalization;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>The StatefulSet, Services and setup Jobs of in-cluster engines.</summary>
internal static class InClusterWorkloads
{
    public const string DataVolume = "data";
    public const string ConfigDigestAnnotation = "skyforge.dev/config-digest";

    /// <summary>A failing setup Job retries with back-off for roughly half an hour: enough for a new server to start accepting connections.</summary>
    private const int SetupBackoffLimit = 12;

    public static JsonObject StatefulSet(EngineWorkload workload)
    {
        var identity = workload.Identity;
        var labels = identity.Labels(workload.Engine, workload.Component);
        var container = JsonParts.Compact(new JsonObject
        {
            ["name"] = workload.Engine,
            ["image"] = workload.Image.Reference,
            ["imagePullPolicy"] = "IfNotPresent",
            ["command"] = workload.Command is null ? null : JsonParts.Strings(workload.Command),
            ["args"] = workload.Args is null ? null : JsonParts.Strings(workload.Args),
            ["env"] = JsonParts.Array(workload.Env),
            ["ports"] = JsonParts.Array(workload.Ports.Select(port => PodParts.Port(port.Name, port.Number))),
            ["readinessProbe"] = workload.ReadinessProbe,
            ["livenessProbe"] = workload.LivenessProbe,
            ["resources"] = PodParts.Resources(workload.Resources),
            ["securityContext"] = PodParts.ContainerSecurityContext(),
            ["volumeMounts"] = JsonParts.Array(
                new[] { PodParts.Mount(DataVolume, workload.DataPath) }.Concat(workload.ExtraVolumes.Select(extra => extra.Mount))),
        });
        var templateMetadata = new JsonObject { ["labels"] = Manifest.ToObject(labels) };
        if (workload.ConfigDigest is not null)
        {
            templateMetadata["annotations"] = new JsonObject { [ConfigDigestAnnotation] = workload.ConfigDigest };
        }
        var statefulSet = Manifest.New("apps/v1", "StatefulSet", identity.Owner, InClusterNames.StatefulSet(identity.Name), labels);
        statefulSet["spec"] = new JsonObject
        {
            ["serviceName"] = InClusterNames.HeadlessService(identity.Name),
            ["replicas"] = workload.Replicas,
            ["podManagementPolicy"] = workload.StartInParallel ? "Parallel" : "OrderedReady",
            ["selector"] = new JsonObject { ["matchLabels"] = Manifest.ToObject(identity.Selector(workload.Engine, workload.Component)) },
            ["updateStrategy"] = new JsonObject { ["type"] = "RollingUpdate" },
            ["persistentVolumeClaimRetentionPolicy"] = new JsonObject
            {
                ["whenDeleted"] = workload.DeleteVolumesWithResource ? "Delete" : "Retain",
                ["whenScaled"] = "Retain",
            },
            ["template"] = new JsonObject
            {
                ["metadata"] = templateMetadata,
                ["spec"] = new JsonObject
                {
                    // The engines never call the Kubernetes API; service links would inject variables such
                    // as KAFKA_PORT that the images misread as their own settings.
                    ["automountServiceAccountToken"] = false,
                    ["enableServiceLinks"] = false,
                    ["securityContext"] = PodParts.PodSecurityContext(workload.Image),
                    ["terminationGracePeriodSeconds"] = workload.TerminationGracePeriodSeconds,
                    ["containers"] = new JsonArray(container),
                    ["volumes"] = JsonParts.Array(workload.ExtraVolumes.Select(extra => extra.Volume)),
                },
            },
            ["volumeClaimTemplates"] = new JsonArray(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = DataVolume },
                // No storageClassName: the cluster's default class (gp3 on EKS, local-path on K3s).
                ["spec"] = new JsonObject
                {
                    ["accessModes"] = new JsonArray("ReadWriteOnce"),
                    ["resources"] = new JsonObject
                    {
                        ["requests"] = new JsonObject { ["storage"] = workload.StorageGiB.ToString(CultureInfo.InvariantCulture) + "Gi" },
                    },
                },
            }),
        };
        return statefulSet;
    }

    /// <summary>The headless Service giving each pod a DNS name; it lists pods before they are ready so peers can find each other while starting.</summary>
    public static JsonObject HeadlessService(EngineWorkload workload)
    {
        var identity = workload.Identity;
        var service = Manifest.New("v1", "Service", identity.Owner, InClusterNames.HeadlessService(identity.Name), identity.Labels(workload.Engine, workload.Component));
        service["spec"] = new JsonObject
        {
            ["clusterIP"] = "None",
            ["publishNotReadyAddresses"] = true,
            ["selector"] = Manifest.ToObject(identity.Selector(workload.Engine, workload.Component)),
            ["ports"] = ServicePorts(workload.Ports),
        };
        return service;
    }

    /// <summary>A ClusterIP Service over the pods matching <paramref name="selector"/>.</summary>
    public static JsonObject ClientService(EngineWorkload workload, string serviceName, IReadOnlyDictionary<string, string> selector, IReadOnlyList<(string Name, int Number)> ports)
    {
        var identity = workload.Identity;
        var service = Manifest.New("v1", "Service", identity.Owner, serviceName, identity.Labels(workload.Engine, workload.Component));
        service["spec"] = new JsonObject
        {
            ["type"] = "ClusterIP",
            ["selector"] = Manifest.ToObject(selector),
            ["ports"] = ServicePorts(ports),
        };
        return service;
    }

    /// <summary>A ConfigMap owned by the resource.</summary>
    public static JsonObject ConfigMap(DataServiceIdentity identity, string name, IReadOnlyDictionary<string, string> labels, IEnumerable<KeyValuePair<string, string>> files)
    {
        var configMap = Manifest.New("v1", "ConfigMap", identity.Owner, name, labels);
        configMap["data"] = Manifest.ToObject(files);
        return configMap;
    }

    /// <summary>
    /// A run-to-completion setup Job (create databases, topics or queues). Its work is idempotent, so
    /// retries after a failure (the server not accepting connections yet, say) are safe.
    /// </summary>
    public static JsonObject SetupJob(SetupJob job)
    {
        var identity = job.Identity;
        var labels = identity.Labels(job.Engine, job.Component);
        var container = new JsonObject
        {
            ["name"] = job.ContainerName,
            ["image"] = job.Image.Reference,
            ["imagePullPolicy"] = "IfNotPresent",
            ["command"] = JsonParts.Strings(job.Command),
            ["env"] = JsonParts.Array(job.Env),
            ["securityContext"] = PodParts.ContainerSecurityContext(),
            ["volumeMounts"] = JsonParts.Array(job.Volumes.Select(volume => volume.Mount)),
        };
        var podSpec = new JsonObject
        {
            ["restartPolicy"] = "OnFailure",
            ["automountServiceAccountToken"] = false,
            ["enableServiceLinks"] = false,
            ["securityContext"] = PodParts.PodSecurityContext(job.Image),
        };
        if (job.InitContainers.Count > 0)
        {
            podSpec["initContainers"] = JsonParts.Array(job.InitContainers);
        }
        podSpec["containers"] = new JsonArray(container);
        podSpec["volumes"] = JsonParts.Array(job.Volumes.Select(volume => volume.Volume));

        var result = Manifest.New("batch/v1", "Job", identity.Owner, job.Name, labels);
        result["spec"] = new JsonObject
        {
            ["backoffLimit"] = SetupBackoffLimit,
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = Manifest.ToObject(labels) },
                ["spec"] = podSpec,
            },
        };
        return result;
    }

    private static JsonArray ServicePorts(IEnumerable<(string Name, int Number)> ports) =>
        JsonParts.Array(ports.Select(port => (JsonNode)new JsonObject
        {
            ["name"] = port.Name,
            ["port"] = port.Number,
            ["targetPort"] = port.Name,
            ["protocol"] = "TCP",
        }));
}
