using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Serialization;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

/// <summary>
/// A small test CRD (independent of the Skyforge CRDs): namespaced <c>Widget</c> in <c>test.skyforge.dev</c>
/// with a category, a short name, printer columns, the status subresource, a default, an enum and a CEL rule.
/// </summary>
internal static class TestResources
{
    public const string Group = "test.skyforge.dev";
    public const string WidgetsPath = "/apis/test.skyforge.dev/v1/namespaces/default/widgets";

    public const string WidgetDefinitionYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.test.skyforge.dev
        spec:
          group: test.skyforge.dev
          scope: Namespaced
          names:
            kind: Widget
            listKind: WidgetList
            plural: widgets
            singular: widget
            shortNames: [wdg]
            categories: [skyforgetest]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Size
              type: string
              jsonPath: .spec.size
            - name: Ready
              type: string
              jsonPath: .status.conditions[?(@.type=="Ready")].status
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
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
                    x-kubernetes-validations:
                    - rule: "self.replicas <= 10 || self.size == 'large'"
                      message: more than 10 replicas need size large
                    properties:
                      size:
                        type: string
                        enum: [small, large]
                        default: small
                      replicas:
                        type: integer
                        minimum: 0
                        default: 1
                      tags:
                        type: array
                        items:
                          type: string
                      settings:
                        type: object
                        additionalProperties:
                          type: string
                      ports:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [name]
                        items:
                          type: object
                          required: [name]
                          properties:
                            name:
                              type: string
                            port:
                              type: integer
                  status:
                    type: object
                    properties:
                      observedGeneration:
                        type: integer
                      conditions:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [type]
                        items:
                          type: object
                          required: [type, status]
                          properties:
                            type:
                              type: string
                            status:
                              type: string
        """;

    public static JsonObject WidgetDefinition() => (JsonObject)YamlDocuments.ParseSingle(WidgetDefinitionYaml);

    public static JsonObject Widget(string name, JsonObject? spec = null, JsonObject? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = labels;
        }
        return new JsonObject
        {
            ["apiVersion"] = "test.skyforge.dev/v1",
            ["kind"] = "Widget",
            ["metadata"] = metadata,
            ["spec"] = spec ?? new JsonObject { ["size"] = "small", ["replicas"] = 1 },
        };
    }

    public static JsonObject ConfigMap(string name, JsonObject? data = null, JsonArray? ownerReferences = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ownerReferences is not null)
        {
            metadata["ownerReferences"] = ownerReferences;
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = metadata,
            ["data"] = data ?? new JsonObject { ["key"] = "value" },
        };
    }

    public static JsonArray OwnedBy(JsonObject owner, bool blockOwnerDeletion = false) =>
        new(new JsonObject
        {
            ["apiVersion"] = owner["apiVersion"]!.GetValue<string>(),
            ["kind"] = owner["kind"]!.GetValue<string>(),
            ["name"] = owner["metadata"]!["name"]!.GetValue<string>(),
            ["uid"] = owner["metadata"]!["uid"]!.GetValue<string>(),
            ["blockOwnerDeletion"] = blockOwnerDeletion,
        });

    /// <summary>A server with the Widget CRD installed.</summary>
    public static async Task<TestApiServer> StartWithWidgetsAsync(TestApiServerOptions? options = null)
    {
        var server = await TestApiServer.StartAsync(options);
        server.InstallCustomResourceDefinition(WidgetDefinition());
        return server;
    }

    public static string Metadata(JsonObject obj, string field) => obj["metadata"]![field]!.ToString();
}
