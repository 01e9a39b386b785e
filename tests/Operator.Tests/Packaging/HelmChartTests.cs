using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.Hosting.Settings;
using Skyforge.Operator.Tests.Foundation;

namespace Skyforge.Operator.Tests.Packaging;

/// <summary>
/// charts/skyforge-operator without a helm binary: the templates are read as text, so these checks cover what can go
/// wrong silently — a value that does not exist, a value nothing uses, RBAC or CRDs drifting from config/.
/// </summary>
public sealed partial class HelmChartTests
{
    private static readonly string Chart = Path.Combine(RepoPaths.Root, "charts", "skyforge-operator");

    private static readonly IReadOnlyDictionary<string, string> Templates = Directory.GetFiles(Path.Combine(Chart, "templates"))
        .ToDictionary(path => Path.GetFileName(path), File.ReadAllText);

    private static readonly JsonObject Values = YamlDocuments.ParseSingle(File.ReadAllText(Path.Combine(Chart, "values.yaml"))).AsObject();

    [Fact]
    public void Chart_yaml_names_a_v2_application_chart()
    {
        var chart = YamlDocuments.ParseSingle(File.ReadAllText(Path.Combine(Chart, "Chart.yaml"))).AsObject();
        Assert.Equal("v2", chart["apiVersion"]!.GetValue<string>());
        Assert.Equal("skyforge-operator", chart["name"]!.GetValue<string>());
        Assert.Equal("application", chart["type"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+", chart["version"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(chart["appVersion"]?.GetValue<string>()));
    }

    [Fact]
    public void Every_values_reference_in_the_templates_exists_in_values_yaml()
    {
        var missing = References().Where(path => Lookup(path) is null).Order().ToList();
        Assert.True(missing.Count == 0, $"referenced but not in values.yaml: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_value_is_used_by_a_template()
    {
        var references = References();
        var unused = Leaves(Values, "")
            .Where(leaf => !references.Any(reference => leaf == reference || leaf.StartsWith(reference + ".", StringComparison.Ordinal)))
            .Order().ToList();
        Assert.True(unused.Count == 0, $"in values.yaml but used by no template: {string.Join(", ", unused)}");
    }

    [Fact]
    public void Defaults_run_two_elected_replicas_within_the_documented_resources()
    {
        Assert.Equal(2, Values["replicaCount"]!.GetValue<long>());
        Assert.True(Values["leaderElection"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("""{"requests":{"cpu":"50m","memory":"128Mi"},"limits":{"cpu":"500m","memory":"256Mi"}}""", Values["resources"]!.ToJsonString());
        Assert.Equal(65532, Values["podSecurityContext"]!["runAsUser"]!.GetValue<long>());
        Assert.True(Values["podSecurityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.False(Values["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
        Assert.False(Values["metrics"]!["serviceMonitor"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(TimeSpan.FromMinutes(10), GoDuration.Parse(Values["driftInterval"]!.GetValue<string>()));
    }

    [Fact]
    public void The_irsa_role_arn_annotates_the_service_account()
    {
        Assert.Contains("eks.amazonaws.com/role-arn: {{ . | quote }}", Templates["serviceaccount.yaml"]);
        Assert.Contains("{{- with .Values.aws.irsaRoleArn }}", Templates["serviceaccount.yaml"]);
    }

    [Fact]
    public void The_deployment_passes_only_flags_skyforge_run_knows()
    {
        var flags = FlagArgument().Matches(Templates["deployment.yaml"]).Select(match => match.Groups["name"].Value).ToList();
        Assert.Contains("leader-elect", flags);
        Assert.Contains("drift-interval", flags);
        Assert.Contains("aws-endpoint-url", flags);
        Assert.All(flags, flag => Assert.Contains(flag, RunFlags.All.Select(known => known.Name)));
    }

    [Fact]
    public void Every_included_template_is_defined()
    {
        var defined = DefineDirective().Matches(Templates["_helpers.tpl"]).Select(match => match.Groups["name"].Value).ToHashSet();
        var included = Templates.Values.SelectMany(text => IncludeDirective().Matches(text)).Select(match => match.Groups["name"].Value).ToHashSet();
        Assert.Subset(defined, included);
        Assert.All(Templates, template => Assert.Equal(Count(template.Value, "{{"), Count(template.Value, "}}")));
    }

    [Fact]
    public void Chart_rbac_rules_equal_config_rbac()
    {
        var rbac = Path.Combine(RepoPaths.Root, "config", "rbac");
        Assert.Equal(Rules(File.ReadAllText(Path.Combine(rbac, "role.yaml"))), Rules(Templates["clusterrole.yaml"]));
        Assert.Equal(Rules(File.ReadAllText(Path.Combine(rbac, "leader_election_role.yaml"))), Rules(Templates["leader-election-role.yaml"]));
    }

    [Fact]
    public void Chart_crds_are_byte_for_byte_config_crd()
    {
        var expected = Directory.GetFiles(RepoPaths.Crds, "*.yaml").Select(Path.GetFileName).Order().ToList();
        var actual = Directory.GetFiles(Path.Combine(Chart, "crds"), "*.yaml").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(expected, actual);
        Assert.All(expected, name => Assert.True(
            File.ReadAllBytes(Path.Combine(RepoPaths.Crds, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(Chart, "crds", name!))),
            $"charts/skyforge-operator/crds/{name} differs from config/crd/{name}: copy it over"));
        var kustomization = YamlDocuments.ParseSingle(File.ReadAllText(Path.Combine(Chart, "crds", "Kustomization"))).AsObject();
        Assert.Equal(expected, kustomization["resources"]!.AsArray().Select(item => item!.GetValue<string>()).Order());
    }

    private static HashSet<string> References() =>
        Templates.Values.SelectMany(text => ValuesReference().Matches(text)).Select(match => match.Groups["path"].Value).ToHashSet();

    private static JsonNode? Lookup(string path)
    {
        JsonNode? node = Values;
        foreach (var key in path.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(key, out var child) ? child ?? JsonValue.Create("") : null;
        }
        return node;
    }

    private static IEnumerable<string> Leaves(JsonObject obj, string prefix) =>
        obj.SelectMany(pair => pair.Value is JsonObject { Count: > 0 } child
            ? Leaves(child, $"{prefix}{pair.Key}.")
            : [$"{prefix}{pair.Key}"]);

    /// <summary>The (group, resource, verb) triples of the <c>rules:</c> block of a manifest or template.</summary>
    private static HashSet<(string, string, string)> Rules(string text)
    {
        var block = text[text.IndexOf("\nrules:", StringComparison.Ordinal)..];
        var end = block.IndexOf("\n---", StringComparison.Ordinal);
        var rules = YamlDocuments.ParseSingle(end < 0 ? block : block[..end])["rules"]!.AsArray();
        return rules.SelectMany(rule =>
                from g in rule!["apiGroups"]!.AsArray()
                from r in rule["resources"]!.AsArray()
                from v in rule["verbs"]!.AsArray()
                select (g!.GetValue<string>(), r!.GetValue<string>(), v!.GetValue<string>()))
            .ToHashSet();
    }

    private static int Count(string text, string token) => (text.Length - text.Replace(token, "", StringComparison.Ordinal).Length) / token.Length;

    [GeneratedRegex(@"\.Values\.(?<path>[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)")]
    private static partial Regex ValuesReference();

    [GeneratedRegex(@"^\s*- --(?<name>[a-z-]+)", RegexOptions.Multiline)]
    private static partial Regex FlagArgument();

    [GeneratedRegex(@"\{\{-?\s*define\s+""(?<name>[^""]+)""")]
    private static partial Regex DefineDirective();

    [GeneratedRegex(@"include\s+""(?<name>[^""]+)""")]
    private static partial Regex IncludeDirective();
}
