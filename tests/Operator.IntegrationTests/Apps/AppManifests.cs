using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Serialization;

namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>Small AppPlatforms for rollout and lifecycle scenarios (no data services unless a test adds them).</summary>
internal static class AppManifests
{
    public const string Namespace = "shop";

    /// <summary>One web service "web" on :8080 with the given image and rollout block (YAML flow style).</summary>
    public static JsonObject Web(string image, string rollout, string target = "eks", int replicas = 2, string extra = "") =>
        YamlDocuments.Parse($"""
            apiVersion: platform.skyforge.dev/v1alpha1
            kind: AppPlatform
            metadata:
              name: shop
              namespace: {Namespace}
            spec:
              target: {target}
              ingress: {"{host: shop.example.com}"}
              services:
                - name: web
                  image: {image}
                  port: 8080
                  replicas: {replicas}
                  route: {"{path: /}"}
                  rollout: {rollout}
            {extra}
            """).Single()!.AsObject();
}
