using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Serialization;

namespace Skyforge.Operator.IntegrationTests.Packaging;

/// <summary>The permissions the ClusterRoles and Roles of a set of manifests grant, one (group, resource, verb) per entry.</summary>
internal static class RbacManifests
{
    /// <summary>What the manifests of a directory grant together.</summary>
    public static IReadOnlySet<(string Group, string Resource, string Verb)> GrantedRules(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml").SelectMany(GrantedRulesInFile).ToHashSet();

    public static IReadOnlySet<(string Group, string Resource, string Verb)> GrantedRulesInFile(string file)
    {
        var granted = new HashSet<(string, string, string)>();
        foreach (var document in YamlDocuments.Parse(File.ReadAllText(file)).OfType<JsonObject>())
        {
            if (document["kind"]?.GetValue<string>() is not ("ClusterRole" or "Role"))
            {
                continue;
            }
            foreach (var rule in document["rules"]!.AsArray().OfType<JsonObject>())
            {
                foreach (var group in Strings(rule, "apiGroups"))
                {
                    foreach (var resource in Strings(rule, "resources"))
                    {
                        foreach (var verb in Strings(rule, "verbs"))
                        {
                            Assert.False(group == "*" || resource == "*" || verb == "*", $"{file} grants a wildcard");
                            granted.Add((group, resource, verb));
                        }
                    }
                }
            }
        }
        return granted;
    }

    private static IEnumerable<string> Strings(JsonObject rule, string field) =>
        rule[field]?.AsArray().Select(item => item!.GetValue<string>()) ?? [];
}
