using System.Text.Json.Nodes;
using Skyforge.Crds.Schema;
using Skyforge.TestKit.ApiServer.Errors;

namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>
/// Reads apiextensions.k8s.io/v1 CustomResourceDefinitions: checks the definition, derives the served
/// resource types (one per served version, schema parsed with <see cref="StructuralSchema"/>) and computes
/// the status an established CRD reports.
/// </summary>
internal static class CustomResourceDefinitions
{
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    public static IReadOnlyList<FieldProblem> Validate(JsonObject crd)
    {
        var problems = new List<FieldProblem>();
        var spec = crd["spec"] as JsonObject;
        var group = spec?["group"]?.GetValue<string>() ?? "";
        var names = spec?["names"] as JsonObject;
        var plural = names?["plural"]?.GetValue<string>() ?? "";
        var kind = names?["kind"]?.GetValue<string>() ?? "";
        var name = crd["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (group.Length == 0)
        {
            problems.Add(new FieldProblem("spec.group", "Required value"));
        }
        else if (!group.Contains('.'))
        {
            problems.Add(new FieldProblem("spec.group", $"Invalid value: \"{group}\": should be a domain with at least one dot"));
        }
        if (plural.Length == 0)
        {
            problems.Add(new FieldProblem("spec.names.plural", "Required value"));
        }
        if (kind.Length == 0)
        {
            problems.Add(new FieldProblem("spec.names.kind", "Required value"));
        }
        if (plural.Length > 0 && group.Length > 0 && name != $"{plural}.{group}")
        {
            problems.Add(new FieldProblem("metadata.name", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group"));
        }
        var scope = spec?["scope"]?.GetValue<string>() ?? "";
        if (scope is not ("Namespaced" or "Cluster"))
        {
            problems.Add(scope.Length == 0
                ? new FieldProblem("spec.scope", "Required value")
                : new FieldProblem("spec.scope", $"Unsupported value: \"{scope}\": supported values: \"Cluster\", \"Namespaced\""));
        }
        var versions = spec?["versions"] as JsonArray;
        if (versions is null || versions.Count == 0)
        {
            problems.Add(new FieldProblem("spec.versions", "Invalid value: null: must have exactly one version marked as storage version"));
            return problems;
        }
        var storageCount = versions.Count(v => v?["storage"]?.GetValue<bool>() == true);
        if (storageCount != 1)
        {
            problems.Add(new FieldProblem("spec.versions",
                $"Invalid value: {versions.ToJsonString()}: must have exactly one version marked as storage version"));
        }
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i] as JsonObject;
            if (string.IsNullOrEmpty(version?["name"]?.GetValue<string>()))
            {
                problems.Add(new FieldProblem($"spec.versions[{i}].name", "Required value"));
            }
            if (version?["schema"]?["openAPIV3Schema"] is not JsonObject schema)
            {
                problems.Add(new FieldProblem($"spec.versions[{i}].schema.openAPIV3Schema", "Required value: schemas are required"));
                continue;
            }
            try
            {
                CustomResourceSchema.Parse(schema);
            }
            catch (SchemaDefinitionException ex)
            {
                problems.Add(new FieldProblem($"spec.versions[{i}].schema.openAPIV3Schema", $"Invalid value: {ex.Message}"));
            }
        }
        return problems;
    }

    /// <summary>The resource types a valid CRD serves: one per version with <c>served: true</c>.</summary>
    public static IReadOnlyList<ResourceType> ServedTypes(JsonObject crd)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = (JsonObject)spec["names"]!;
        var versions = ((JsonArray)spec["versions"]!).OfType<JsonObject>().ToList();
        var storage = versions.First(v => v["storage"]?.GetValue<bool>() == true)["name"]!.GetValue<string>();
        var kind = names["kind"]!.GetValue<string>();
        return versions
            .Where(v => v["served"]?.GetValue<bool>() != false)
            .Select(v => new ResourceType
            {
                Group = spec["group"]!.GetValue<string>(),
                Version = v["name"]!.GetValue<string>(),
                StorageVersion = storage,
                Plural = names["plural"]!.GetValue<string>(),
                Singular = names["singular"]?.GetValue<string>() ?? kind.ToLowerInvariant(),
                Kind = kind,
                ListKind = names["listKind"]?.GetValue<string>() ?? kind + "List",
                Namespaced = spec["scope"]!.GetValue<string>() == "Namespaced",
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatusSubresource = v["subresources"]?["status"] is JsonObject,
                TracksGeneration = true,
                IsCustom = true,
                AllowUnconditionalUpdate = false,
                ExtraSelectableFields = (v["selectableFields"] as JsonArray)?.OfType<JsonObject>()
                    .Select(f => f["jsonPath"]!.GetValue<string>().TrimStart('.')).ToList() ?? [],
                Schema = CustomResourceSchema.Parse((JsonObject)v["schema"]!["openAPIV3Schema"]!),
                PrinterColumns = Columns(v["additionalPrinterColumns"] as JsonArray),
            })
            .ToList();
    }

    /// <summary>The status the apiextensions controllers publish for an accepted, established CRD.</summary>
    public static JsonObject EstablishedStatus(JsonObject crd, string now, JsonObject? previousStatus)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = (JsonObject)spec["names"]!.DeepClone();
        var kind = names["kind"]!.GetValue<string>();
        names["singular"] ??= kind.ToLowerInvariant();
        names["listKind"] ??= kind + "List";
        var storage = ((JsonArray)spec["versions"]!).OfType<JsonObject>()
            .First(v => v["storage"]?.GetValue<bool>() == true)["name"]!.GetValue<string>();
        var stored = new JsonArray();
        foreach (var version in (previousStatus?["storedVersions"] as JsonArray)?.Select(v => v!.GetValue<string>()) ?? [])
        {
            stored.Add(version);
        }
        if (!stored.Any(v => v!.GetValue<string>() == storage))
        {
            stored.Add(storage);
        }
        return new JsonObject
        {
            ["conditions"] = new JsonArray
            {
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now, previousStatus),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now, previousStatus),
            },
            ["acceptedNames"] = names,
            ["storedVersions"] = stored,
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string now, JsonObject? previousStatus)
    {
        var previous = (previousStatus?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => c["type"]?.GetValue<string>() == type && c["status"]?.GetValue<string>() == "True");
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = previous?["lastTransitionTime"]?.GetValue<string>() ?? now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];

    private static IReadOnlyList<PrinterColumn> Columns(JsonArray? columns)
    {
        if (columns is null || columns.Count == 0)
        {
            return [new PrinterColumn("Age", "date", ".metadata.creationTimestamp")];
        }
        return columns.OfType<JsonObject>()
            .Select(c => new PrinterColumn(
                c["name"]!.GetValue<string>(),
                c["type"]?.GetValue<string>() ?? "string",
                c["jsonPath"]!.GetValue<string>(),
                c["format"]?.GetValue<string>() ?? "",
                c["description"]?.GetValue<string>() ?? "",
                (int)(Storage.JsonTree.AsLong(c["priority"]) ?? 0)))
            .ToList();
    }
}
