using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>Minimal ServiceMonitor and PrometheusRule CRDs, standing in for the Prometheus Operator's.</summary>
internal static class MonitoringCrds
{
    public static void Install(TestApiServer server)
    {
        server.InstallCustomResourceDefinition(Definition("servicemonitors", "ServiceMonitor"));
        server.InstallCustomResourceDefinition(Definition("prometheusrules", "PrometheusRule"));
    }

    private static JsonObject Definition(string plural, string kind) => new()
    {
        ["apiVersion"] = "apiextensions.k8s.io/v1",
        ["kind"] = "CustomResourceDefinition",
        ["metadata"] = new JsonObject { ["name"] = $"{plural}.monitoring.coreos.com" },
        ["spec"] = new JsonObject
        {
            ["group"] = "monitoring.coreos.com",
            ["scope"] = "Namespaced",
            ["names"] = new JsonObject { ["plural"] = plural, ["singular"] = kind.ToLowerInvariant(), ["kind"] = kind, ["listKind"] = kind + "List" },
            ["versions"] = new JsonArray(new JsonObject
            {
                ["name"] = "v1",
                ["served"] = true,
                ["storage"] = true,
                ["schema"] = new JsonObject
                {
                    ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
                },
            }),
        },
    };
}
