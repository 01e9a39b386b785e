using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Group = Skyforge.Crds.V1Alpha1.Group;
using Skyforge.Crds.Schema;
using Skyforge.Crds.Validation;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Manifests;

/// <summary>
/// Checks a manifest the way the API server and the reconcilers will: envelope, CRD schema (with
/// defaults applied and unknown fields rejected), then Skyforge's semantic rules.
/// </summary>
public static partial class ManifestValidator
{
    private static readonly Dictionary<string, Type> KindTypes = new(StringComparer.Ordinal)
    {
        ["AppPlatform"] = typeof(AppPlatform),
        ["ManagedDatabase"] = typeof(ManagedDatabase),
        ["ManagedCache"] = typeof(ManagedCache),
        ["MessageBus"] = typeof(MessageBus),
        ["ManagedSecret"] = typeof(ManagedSecret),
    };

    public static (ValidManifest? Manifest, IReadOnlyList<ManifestProblem> Problems) Validate(ManifestDocument document)
    {
        var problems = new List<ManifestProblem>();
        void Problem(string? resource, string path, string message) =>
            problems.Add(new ManifestProblem(document.Source, document.Index, resource, path, message));

        if (document.Content is not JsonObject obj)
        {
            Problem(null, "", "expected a Kubernetes object (a YAML mapping with apiVersion, kind, metadata and spec)");
            return (null, problems);
        }
        var apiVersion = (obj["apiVersion"] as JsonValue)?.TryGetValue<string>(out var a) == true ? a : null;
        var kind = (obj["kind"] as JsonValue)?.TryGetValue<string>(out var k) == true ? k : null;
        var name = (obj["metadata"]?["name"] as JsonValue)?.TryGetValue<string>(out var n) == true ? n : null;
        var resource = kind is not null && name is not null ? $"{kind}/{name}" : null;

        if (apiVersion is null)
        {
            Problem(resource, "apiVersion", "Required value");
        }
        else if (apiVersion != Group.ApiVersion)
        {
            Problem(resource, "apiVersion", $"Unsupported value: \"{apiVersion}\": supported values: \"{Group.ApiVersion}\"");
        }
        if (kind is null)
        {
            Problem(resource, "kind", "Required value");
        }
        else if (!KindTypes.ContainsKey(kind))
        {
            Problem(resource, "kind", $"Unsupported value: \"{kind}\": supported values: {string.Join(", ", KindTypes.Keys.Select(x => $"\"{x}\""))}");
        }
        if (obj["metadata"] is not JsonObject metadata)
        {
            Problem(resource, "metadata", "Required value");
        }
        else
        {
            if (name is null)
            {
                Problem(resource, "metadata.name", "Required value");
            }
            else if (name.Length > 63 || !DnsLabel().IsMatch(name))
            {
                Problem(resource, "metadata.name", $"Invalid value: \"{name}\": must be a lowercase RFC 1123 label of at most 63 characters ('a-z', '0-9', '-', starting with a letter), because it names Services and AWS resources");
            }
            if (metadata["namespace"] is JsonValue ns && (!ns.TryGetValue<string>(out var nsName) || !DnsLabel().IsMatch(nsName) || nsName.Length > 63))
            {
                Problem(resource, "metadata.namespace", $"Invalid value: {ns.ToJsonString()}: must be a lowercase RFC 1123 label");
            }
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var schema = SkyforgeSchemas.For(kind!)!;
        foreach (var error in schema.Validate(obj, null, new SchemaValidationOptions(UnknownFieldHandling.Reject)))
        {
            Problem(resource, error.Path, error.Message);
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        obj["metadata"]!["namespace"] ??= "default";
        object typed;
        try
        {
            typed = obj.Deserialize(KindTypes[kind!], SkyforgeJson.Options)!;
        }
        catch (JsonException ex)
        {
            Problem(resource, ex.Path?.TrimStart('$', '.') ?? "", $"Invalid value: {ex.Message}");
            return (null, problems);
        }

        var semantic = typed switch
        {
            AppPlatform app => SpecRules.Check(app.Spec),
            ManagedDatabase database => SpecRules.Check(database.Spec),
            ManagedCache cache => SpecRules.Check(cache.Spec),
            MessageBus bus => SpecRules.Check(bus.Spec),
            ManagedSecret secret => SpecRules.Check(secret.Spec),
            _ => [],
        };
        foreach (var error in semantic)
        {
            Problem(resource, error.Path, error.Message);
        }
        return problems.Count > 0 ? (null, problems) : (new ValidManifest(kind!, typed, obj), problems);
    }

    /// <summary>Reads and validates every document of every file.</summary>
    public static (IReadOnlyList<ValidManifest> Manifests, IReadOnlyList<ManifestProblem> Problems) ValidateFiles(IEnumerable<(string Source, string Text)> files)
    {
        var manifests = new List<ValidManifest>();
        var problems = new List<ManifestProblem>();
        foreach (var (source, text) in files)
        {
            var (documents, readProblems) = ManifestReader.Read(source, text);
            problems.AddRange(readProblems);
            foreach (var document in documents)
            {
                var (manifest, documentProblems) = Validate(document);
                problems.AddRange(documentProblems);
                if (manifest is not null)
                {
                    manifests.Add(manifest);
                }
            }
        }
        return (manifests, problems);
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
