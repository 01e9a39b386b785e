using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Serialization;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>
/// The custom resource the runtime scenarios reconcile: a namespaced <c>Gadget</c> with a spec size, the
/// status subresource and a status shaped like a real controller's (observedGeneration, metav1.Conditions).
/// </summary>
internal static class Gadgets
{
    public const string Group = "runtime.test.skyforge.dev";
    public const string Plural = "gadgets";
    public const string Namespace = "default";

    public static ResourceType Type { get; } = new(Group, "v1", Plural, "Gadget", Namespaced: true);

    private const string DefinitionYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.runtime.test.skyforge.dev
        spec:
          group: runtime.test.skyforge.dev
          scope: Namespaced
          names:
            kind: Gadget
            listKind: GadgetList
            plural: gadgets
            singular: gadget
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  apiVersion:
                    type: string
                  kind:
                    type: string
                  metadata:
                    type: object
                  spec:
                    type: object
                    properties:
                      size:
                        type: integer
                        minimum: 0
                  status:
                    type: object
                    properties:
                      observedGeneration:
                        type: integer
                      size:
                        type: integer
                      conditions:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [type]
                        items:
                          type: object
                          required: [type, status, lastTransitionTime, reason, message]
                          properties:
                            type:
                              type: string
                            status:
                              type: string
                              enum: ["True", "False", "Unknown"]
                            observedGeneration:
                              type: integer
                            lastTransitionTime:
                              type: string
                              format: date-time
                            reason:
                              type: string
                            message:
                              type: string
        """;

    public static JsonObject Definition() => (JsonObject)YamlDocuments.ParseSingle(DefinitionYaml);

    public static JsonObject New(string name, int size) => new()
    {
        ["apiVersion"] = Type.ApiVersion,
        ["kind"] = Type.Kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject { ["size"] = size },
    };

    public static KubernetesPatch SizePatch(int size) => KubernetesPatch.Merge(new JsonObject { ["spec"] = new JsonObject { ["size"] = size } });

    public static int SizeOf(JsonObject gadget) => gadget["spec"]?["size"]?.GetValue<int>() ?? 0;
}
