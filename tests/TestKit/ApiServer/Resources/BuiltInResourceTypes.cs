namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>
/// The built-in kinds served schemaless (unknown fields preserved) with full metadata semantics.
/// Names, short names, categories and subresources match a v1.32 API server.
/// </summary>
internal static class BuiltInResourceTypes
{
    public const string ApiExtensionsGroup = "apiextensions.k8s.io";

    public static IReadOnlyList<ResourceType> All { get; } = Build();

    public static ResourceType CustomResourceDefinitions { get; } = All.Single(t => t.Plural == "customresourcedefinitions");

    public static ResourceType Namespaces { get; } = All.Single(t => t.Plural == "namespaces");

    private static List<ResourceType> Build()
    {
        string[] withoutDeleteCollection = ["create", "delete", "get", "list", "patch", "update", "watch"];
        string[] podFields = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
            "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"];
        string[] coreEventFields = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
            "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
            "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"];
        string[] eventFields = ["regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid",
            "regarding.apiVersion", "regarding.resourceVersion", "regarding.fieldPath", "reason", "reportingController", "type"];

        return
        [
            Core("namespaces", "Namespace", namespaced: false, shortNames: ["ns"], status: true,
                verbs: withoutDeleteCollection, fields: ["status.phase"]),
            Core("secrets", "Secret", fields: ["type"]),
            Core("configmaps", "ConfigMap", shortNames: ["cm"]),
            Core("services", "Service", shortNames: ["svc"], categories: ["all"], status: true, verbs: withoutDeleteCollection,
                createOnUpdate: true),
            Core("serviceaccounts", "ServiceAccount", shortNames: ["sa"]),
            Core("events", "Event", shortNames: ["ev"], fields: coreEventFields, createOnUpdate: true),
            Core("pods", "Pod", shortNames: ["po"], categories: ["all"], status: true, fields: podFields),
            Core("persistentvolumeclaims", "PersistentVolumeClaim", shortNames: ["pvc"], status: true),
            Type("apps", "v1", "deployments", "Deployment", shortNames: ["deploy"], categories: ["all"], status: true, generation: true),
            Type("apps", "v1", "statefulsets", "StatefulSet", shortNames: ["sts"], categories: ["all"], status: true, generation: true),
            Type("batch", "v1", "jobs", "Job", categories: ["all"], status: true, generation: true, fields: ["status.successful"]),
            Type("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", shortNames: ["hpa"],
                categories: ["all"], status: true, generation: true),
            Type("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", shortNames: ["pdb"], status: true, generation: true),
            Type("networking.k8s.io", "v1", "ingresses", "Ingress", shortNames: ["ing"], status: true, generation: true),
            Type("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", shortNames: ["netpol"], generation: true),
            Type("coordination.k8s.io", "v1", "leases", "Lease", createOnUpdate: true),
            Type("events.k8s.io", "v1", "events", "Event", shortNames: ["ev"], fields: eventFields, createOnUpdate: true),
            Type("rbac.authorization.k8s.io", "v1", "roles", "Role"),
            Type("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding"),
            Type("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", namespaced: false),
            Type("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", namespaced: false),
            Type(ApiExtensionsGroup, "v1", "customresourcedefinitions", "CustomResourceDefinition", namespaced: false,
                shortNames: ["crd", "crds"], categories: ["api-extensions"], status: true, generation: true),
        ];
    }

    private static ResourceType Core(string plural, string kind, bool namespaced = true, string[]? shortNames = null,
        string[]? categories = null, bool status = false, string[]? verbs = null, string[]? fields = null, bool createOnUpdate = false) =>
        Type("", "v1", plural, kind, namespaced, shortNames, categories, status, generation: false, verbs, fields, createOnUpdate);

    private static ResourceType Type(string group, string version, string plural, string kind, bool namespaced = true,
        string[]? shortNames = null, string[]? categories = null, bool status = false, bool generation = false,
        string[]? verbs = null, string[]? fields = null, bool createOnUpdate = false) => new()
        {
            Group = group,
            Version = version,
            StorageVersion = version,
            Plural = plural,
            Singular = kind.ToLowerInvariant(),
            Kind = kind,
            Namespaced = namespaced,
            ShortNames = shortNames ?? [],
            Categories = categories ?? [],
            Verbs = verbs ?? ResourceType.AllVerbs,
            HasStatusSubresource = status,
            TracksGeneration = generation,
            ExtraSelectableFields = fields ?? [],
            AllowCreateOnUpdate = createOnUpdate,
        };
}
