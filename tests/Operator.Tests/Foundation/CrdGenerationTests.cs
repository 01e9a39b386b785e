using System.Text.Json.Nodes;
using Skyforge.Crds.Generation;
using Skyforge.Crds.Schema;
using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.Cli;

namespace Skyforge.Operator.Tests.Foundation;

public sealed class CrdGenerationTests
{
    private static readonly IReadOnlyList<(string FileName, JsonObject Crd)> Generated = CrdGenerator.ForSkyforgeKinds().GenerateAll();

    [Fact]
    public void Committed_crds_match_the_generator()
    {
        var committed = Directory.GetFiles(RepoPaths.Crds, "*.yaml").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Generated.Select(g => g.FileName).Order(), committed);
        foreach (var (fileName, crd) in Generated)
        {
            var onDisk = File.ReadAllText(Path.Combine(RepoPaths.Crds, fileName));
            Assert.True(onDisk == CrdFiles.Render(crd),
                $"config/crd/{fileName} is stale: run `dotnet run --project src/Operator -- generate-crds config/crd`");
        }
    }

    [Fact]
    public async Task Generate_crds_writes_one_file_per_kind()
    {
        var directory = Directory.CreateTempSubdirectory("skyforge-crds-").FullName;
        try
        {
            var (code, stdout, _) = await Cli.RunAsync("generate-crds", directory);
            Assert.Equal(0, code);
            Assert.Equal(5, Directory.GetFiles(directory, "platform.skyforge.dev_*.yaml").Length);
            Assert.Contains("platform.skyforge.dev_appplatforms.yaml", stdout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("platform.skyforge.dev_appplatforms.yaml", "AppPlatform", "app", "URL")]
    [InlineData("platform.skyforge.dev_manageddatabases.yaml", "ManagedDatabase", "mdb", "Endpoint")]
    [InlineData("platform.skyforge.dev_managedcaches.yaml", "ManagedCache", "mc", "Endpoint")]
    [InlineData("platform.skyforge.dev_messagebuses.yaml", "MessageBus", "mbus", "Endpoint")]
    [InlineData("platform.skyforge.dev_managedsecrets.yaml", "ManagedSecret", "msec", "Secret")]
    public void Each_crd_has_names_category_status_and_columns(string fileName, string kind, string shortName, string column)
    {
        var crd = YamlDocuments.ParseSingle(File.ReadAllText(Path.Combine(RepoPaths.Crds, fileName)));
        var spec = crd["spec"]!;
        Assert.Equal("platform.skyforge.dev", spec["group"]!.GetValue<string>());
        Assert.Equal("Namespaced", spec["scope"]!.GetValue<string>());
        Assert.Equal(kind, spec["names"]!["kind"]!.GetValue<string>());
        Assert.Contains(shortName, spec["names"]!["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["skyforge"], spec["names"]!["categories"]!.AsArray().Select(n => n!.GetValue<string>()));
        var version = spec["versions"]![0]!;
        Assert.NotNull(version["subresources"]!["status"]);
        var columns = version["additionalPrinterColumns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Ready", columns);
        Assert.Contains("Phase", columns);
        Assert.Contains("Age", columns);
        Assert.Contains(column, columns);
        var conditions = version["schema"]!["openAPIV3Schema"]!["properties"]!["status"]!["properties"]!["conditions"]!;
        Assert.Equal("map", conditions["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal(["type"], conditions["x-kubernetes-list-map-keys"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Every_schema_is_structural_and_every_rule_compiles()
    {
        foreach (var (fileName, crd) in Generated)
        {
            var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
            var exception = Record.Exception(() => StructuralSchema.Parse(schema));
            Assert.True(exception is null, $"{fileName}: {exception?.Message}");
        }
    }

    [Fact]
    public void Doc_comments_become_descriptions_for_kubectl_explain()
    {
        var database = Generated.Single(g => g.FileName.Contains("manageddatabases")).Crd;
        var spec = database["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!;
        Assert.Equal("Database engine. Cannot change after creation.", spec["properties"]!["engine"]!["description"]!.GetValue<string>());
        Assert.Contains("default <name>-connection", spec["properties"]!["connectionSecretName"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Composed_specs_carry_no_defaults_so_the_environment_can_fill_them()
    {
        var app = Generated.Single(g => g.FileName.Contains("appplatforms")).Crd;
        var composed = app["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["databases"]!["items"]!["properties"]!["spec"]!;
        Assert.Null(composed["properties"]!["deletionPolicy"]!["default"]);
        Assert.DoesNotContain("oldSelf", composed.ToJsonString());
        Assert.Contains("serverless is only available", composed.ToJsonString());
    }
}
