using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.DataServices;
using Skyforge.Operator.IntegrationTests.Foundation;
using Skyforge.Operator.IntegrationTests.Runtime;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// The invalid-spec corpus (tests/Operator.Tests/Foundation/Invalid) applied by a user while the operator runs. Each
/// data-service case is refused by the API server (CRD schema, CEL) or, once stored, marked Ready=False InvalidSpec by
/// the operator, terminally: no finalizer, no AWS call, one status write and no retry. Fixing the spec clears the fault.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class InvalidSpecCorpusTests(MotoFixture moto, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, ResourceType> DataServiceTypes = new(StringComparer.Ordinal)
    {
        ["ManagedDatabase"] = SkyforgeResourceTypes.ManagedDatabases,
        ["ManagedCache"] = SkyforgeResourceTypes.ManagedCaches,
        ["MessageBus"] = SkyforgeResourceTypes.MessageBuses,
        ["ManagedSecret"] = SkyforgeResourceTypes.ManagedSecrets,
    };

    private static readonly IReadOnlyList<(string Case, JsonObject Manifest)> Cases = LoadCases();

    private FaultMatrixCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FaultMatrixCluster.StartAsync(moto, [.. Cases.Select(c => Namespace(c.Case))]);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Every_data_service_case_is_refused_or_marked_invalid_terminally_and_fixing_the_spec_converges()
    {
        var row = new FaultMatrixRow(_cluster, output, "invalid specs (corpus)");
        await _cluster.StartOperatorAsync("operator");
        var stored = new List<(string Case, ResourceType Type, string Name)>();
        using var kubectl = new HttpClient { BaseAddress = _cluster.Server.Url };
        kubectl.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _cluster.Server.Token);
        foreach (var (name, manifest) in Cases)
        {
            var type = DataServiceTypes[manifest["kind"]!.GetValue<string>()];
            var objectName = manifest["metadata"]!["name"]!.GetValue<string>();
            using var answer = await ServerSideApplyAsync(kubectl, type, Namespace(name), objectName, manifest);
            if (answer.IsSuccessStatusCode)
            {
                stored.Add((name, type, objectName));
            }
            else
            {
                row.Note($"{name}: refused by the API server ({(int)answer.StatusCode})");
            }
        }
        Assert.NotEmpty(stored);

        var clock = Stopwatch.StartNew();
        foreach (var (name, type, objectName) in stored)
        {
            await Poll.UntilAsync(
                () => Reason(type, Namespace(name), objectName) == ConditionReasons.InvalidSpec,
                $"{name} to be marked InvalidSpec (last seen: {Stored(type, Namespace(name), objectName)?["status"]?.ToJsonString()})",
                FaultMatrixTimings.ConvergenceBound);
        }
        row.Note($"{stored.Count} stored cases all Ready=False InvalidSpec within {FaultMatrixRow.Seconds(clock.Elapsed)} s: {string.Join(", ", stored.Select(c => c.Case))}");
        await Poll.StaysAsync(() => StatusWrites() == stored.Count, "one status write per stored case and no retry", FaultMatrixTimings.TransitionInterval * 3);
        foreach (var (name, type, objectName) in stored)
        {
            var obj = Stored(type, Namespace(name), objectName)!;
            Assert.Null(obj["metadata"]!["finalizers"]);
        }
        Assert.Empty(moto.Proxy.Requests);

        var fixedCase = stored.First(c => c.Type == SkyforgeResourceTypes.ManagedDatabases);
        foreach (var (name, type, objectName) in stored.Where(c => c != fixedCase))
        {
            await _cluster.User.DeleteAsync(type, Namespace(name), objectName);
        }
        await _cluster.ApplyAsync(_cluster.DatabaseManifest(fixedCase.Name, @namespace: Namespace(fixedCase.Case)));
        var cleared = Stopwatch.StartNew();
        await row.ConvergesAsync(cleared, $"InvalidSpec (terminal, no AWS call); after fixing {fixedCase.Case}: Ready; the rest deleted without a finalizer");
    }

    /// <summary>What `kubectl apply --server-side` sends: strict field validation, so unknown fields are refused rather than pruned.</summary>
    private static async Task<HttpResponseMessage> ServerSideApplyAsync(HttpClient kubectl, ResourceType type, string @namespace, string name, JsonObject manifest)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{type.ObjectPath(@namespace, name)}?fieldManager=kubectl&force=true&fieldValidation=Strict")
        {
            Content = new StringContent(manifest.ToJsonString(), Encoding.UTF8, "application/apply-patch+yaml"),
        };
        return await kubectl.SendAsync(request);
    }

    private static string Namespace(string caseName) => $"corpus-{caseName}";

    private int StatusWrites() => _cluster.Server.Requests.ResourceRequests("operator").Count(request => request.Subresource == "status" && request.Verb is "update" or "patch");

    private JsonObject? Stored(ResourceType type, string @namespace, string name) => _cluster.Server.Store.Get(type.Group, type.Plural, @namespace, name);

    private string? Reason(ResourceType type, string @namespace, string name) =>
        Stored(type, @namespace, name) is { } obj ? DataServicesOperator.Reason(obj, "Ready") : null;

    /// <summary>The corpus files that hold exactly one data-service document, each with a namespace of its own.</summary>
    private static List<(string Case, JsonObject Manifest)> LoadCases()
    {
        var directory = Path.Combine(RepositoryFiles.Root, "tests", "Operator.Tests", "Foundation", "Invalid");
        var cases = new List<(string, JsonObject)>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            IReadOnlyList<JsonNode> documents;
            try
            {
                documents = YamlDocuments.Parse(File.ReadAllText(file));
            }
            catch (YamlFormatException)
            {
                continue;
            }
            if (documents is not [JsonObject manifest]
                || manifest["apiVersion"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || manifest["apiVersion"]!.GetValue<string>() != Group.ApiVersion
                || manifest["kind"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || !DataServiceTypes.ContainsKey(manifest["kind"]!.GetValue<string>()))
            {
                continue;
            }
            var name = Path.GetFileNameWithoutExtension(file);
            if (manifest["metadata"] is JsonObject metadata)
            {
                metadata["namespace"] = Namespace(name);
            }
            cases.Add((name, manifest));
        }
        return cases;
    }
}
