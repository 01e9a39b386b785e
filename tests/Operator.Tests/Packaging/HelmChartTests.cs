using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.Hosting.Settings;
using Skyforge.Operator.Tests.Foundation;

namespace Skyforge.Operator.Tests.Packaging;

/// <summary>
/// charts/skyforge-operator without a helm binary: the templates are read as text (the RBAC ones rendered by
/// <see cref="ChartTemplateRenderer"/>), so these checks cover what can go wrong silently — a value that does not exist,
/// a value nothing uses, RBAC or CRDs drifting from config/, a watched namespace still getting cluster-wide RBAC.
/// </summary>
public sealed partial class HelmChartTests
{
    private const string ReleaseName = "skyforge";
    private const string ReleaseNamespace = "skyforge-system";
    private const string FullName = "skyforge-skyforge-operator";

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

    [Theory]
    [InlineData("")]
    [InlineData("shop")]
    public void Chart_rbac_rules_equal_config_rbac(string watchNamespace)
    {
        var rbac = Path.Combine(RepoPaths.Root, "config", "rbac");
        var (role, _) = Rbac(Render("role.yaml", watchNamespace));
        Assert.Equal(Rules(ConfigManifest(Path.Combine(rbac, "role.yaml"))), Rules(role));
        var (leaderElectionRole, _) = Rbac(Render("leader-election-role.yaml", watchNamespace));
        Assert.Equal(Rules(ConfigManifest(Path.Combine(rbac, "leader_election_role.yaml"))), Rules(leaderElectionRole));
    }

    [Fact]
    public void Without_a_watch_namespace_the_rules_are_bound_cluster_wide()
    {
        var (role, binding) = Rbac(Render("role.yaml", watchNamespace: ""));

        Assert.Equal(("ClusterRole", FullName, null), Identity(role));
        Assert.Equal(("ClusterRoleBinding", FullName, null), Identity(binding));
        Assert.Equal(("ClusterRole", FullName), RoleReference(binding));
        Assert.Equal(("ServiceAccount", FullName, ReleaseNamespace), Subject(binding));
    }

    [Fact]
    public void A_watch_namespace_makes_the_rules_a_role_in_that_namespace_bound_to_the_release_service_account()
    {
        var (role, binding) = Rbac(Render("role.yaml", watchNamespace: "shop"));

        Assert.Equal(("Role", FullName, "shop"), Identity(role));
        Assert.Equal(("RoleBinding", FullName, "shop"), Identity(binding));
        Assert.Equal(("Role", FullName), RoleReference(binding));
        Assert.Equal(("ServiceAccount", FullName, ReleaseNamespace), Subject(binding));
    }

    [Fact]
    public void The_leader_election_role_stays_in_the_release_namespace_when_a_namespace_is_watched()
    {
        var (role, binding) = Rbac(Render("leader-election-role.yaml", watchNamespace: "shop"));

        Assert.Equal(("Role", $"{FullName}-leader-election", ReleaseNamespace), Identity(role));
        Assert.Equal(("RoleBinding", $"{FullName}-leader-election", ReleaseNamespace), Identity(binding));
        Assert.Equal(("ServiceAccount", FullName, ReleaseNamespace), Subject(binding));
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

    /// <summary>
    /// A template rendered for release <see cref="ReleaseName"/> in <see cref="ReleaseNamespace"/> with the default values
    /// but <paramref name="watchNamespace"/>; the chart's named templates render as helm would for that release.
    /// </summary>
    private static string Render(string template, string watchNamespace)
    {
        var values = Values.DeepClone().AsObject();
        values["watchNamespace"] = watchNamespace;
        var includes = new Dictionary<string, string>
        {
            ["skyforge-operator.fullname"] = FullName,
            ["skyforge-operator.serviceAccountName"] = FullName,
            ["skyforge-operator.labels"] = $"app.kubernetes.io/name: skyforge-operator\napp.kubernetes.io/instance: {ReleaseName}",
        };
        return new ChartTemplateRenderer(values, ReleaseNamespace, includes).Render(Templates[template]);
    }

    /// <summary>The role and the binding an RBAC template renders, in that order and nothing else.</summary>
    private static (JsonObject Role, JsonObject Binding) Rbac(string rendered)
    {
        var documents = YamlDocuments.Parse(rendered).Select(document => document.AsObject()).ToList();
        Assert.Equal(2, documents.Count);
        Assert.All(documents, document => Assert.Equal("rbac.authorization.k8s.io/v1", document["apiVersion"]!.GetValue<string>()));
        return (documents[0], documents[1]);
    }

    private static JsonObject ConfigManifest(string path) => YamlDocuments.ParseSingle(File.ReadAllText(path)).AsObject();

    private static (string Kind, string Name, string? Namespace) Identity(JsonObject obj) =>
        (obj["kind"]!.GetValue<string>(), obj["metadata"]!["name"]!.GetValue<string>(), obj["metadata"]!["namespace"]?.GetValue<string>());

    private static (string Kind, string Name) RoleReference(JsonObject binding) =>
        (binding["roleRef"]!["kind"]!.GetValue<string>(), binding["roleRef"]!["name"]!.GetValue<string>());

    private static (string Kind, string Name, string Namespace) Subject(JsonObject binding)
    {
        var subject = Assert.Single(binding["subjects"]!.AsArray())!;
        return (subject["kind"]!.GetValue<string>(), subject["name"]!.GetValue<string>(), subject["namespace"]!.GetValue<string>());
    }

    /// <summary>The (group, resource, verb) triples a Role or ClusterRole grants.</summary>
    private static HashSet<(string, string, string)> Rules(JsonObject role)
    {
        var rules = role["rules"]!.AsArray();
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
