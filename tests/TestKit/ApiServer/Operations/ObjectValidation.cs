using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Operations;

/// <summary>
/// Validates an object about to be stored and normalises it in place: unknown metadata fields and (for
/// custom resources) fields outside the schema are pruned, schema defaults applied, then the
/// <c>fieldValidation</c> mode decides whether pruned fields fail the request (Strict), warn, or pass.
/// </summary>
internal static class ObjectValidation
{
    public static IReadOnlyList<string> ValidateAndNormalize(ResourceType type, JsonObject obj, JsonObject? old, WriteOptions options)
    {
        var unknown = new List<string>();
        var problems = new List<FieldProblem>();
        var metadata = (JsonObject)obj["metadata"]!;
        foreach (var key in metadata.Select(p => p.Key).Where(k => !MetadataRules.KnownFields.Contains(k)).ToList())
        {
            unknown.Add("metadata." + key);
            metadata.Remove(key);
        }
        if (old is null)
        {
            problems.AddRange(MetadataRules.ValidateName(JsonTreeName(obj), dnsLabel: type.Plural == "namespaces" && type.Group.Length == 0));
        }
        problems.AddRange(MetadataRules.ValidateLabels(metadata));
        problems.AddRange(ValidateOwnerReferences(metadata));

        if (type.Schema is { } schema)
        {
            ValidateAgainstSchema(schema, obj, old, unknown, problems);
        }
        if (type == BuiltInResourceTypes.CustomResourceDefinitions)
        {
            problems.AddRange(CustomResourceDefinitions.Validate(obj));
        }

        if (unknown.Count > 0 && options.FieldValidation == FieldValidationMode.Strict)
        {
            throw ApiErrors.BadRequest(
                $"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: strict decoding error: "
                + string.Join(", ", unknown.Select(u => $"unknown field \"{u}\"")));
        }
        if (problems.Count > 0)
        {
            throw ApiErrors.Invalid(type, JsonTreeName(obj), problems);
        }
        return options.FieldValidation == FieldValidationMode.Warn
            ? unknown.Select(u => $"unknown field \"{u}\"").ToList()
            : [];
    }

    private static void ValidateAgainstSchema(CustomResourceSchema schema, JsonObject obj, JsonObject? old,
        List<string> unknown, List<FieldProblem> problems)
    {
        // apiVersion, kind and metadata are never pruned; the schema sees only metadata.name/generateName,
        // as CEL rules do on a real server.
        var candidate = SchemaView(obj);
        var errors = schema.PruneDefaultAndValidate(candidate, old is null ? null : SchemaView(old));
        foreach (var key in obj.Select(p => p.Key).Where(k => k is not ("apiVersion" or "kind" or "metadata")).ToList())
        {
            var before = obj[key];
            if (!candidate.ContainsKey(key))
            {
                unknown.Add(key);
                obj.Remove(key);
                continue;
            }
            CollectPruned(before, candidate[key], key, unknown);
            obj[key] = candidate[key]?.DeepClone();
        }
        foreach (var key in candidate.Select(p => p.Key).Where(k => k is not ("apiVersion" or "kind" or "metadata") && !obj.ContainsKey(k)).ToList())
        {
            obj[key] = candidate[key]?.DeepClone();
        }
        problems.AddRange(errors.Select(e => new FieldProblem(e.Path, e.Message)));
    }

    private static JsonObject SchemaView(JsonObject obj)
    {
        var view = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key == "metadata")
            {
                var metadata = new JsonObject();
                foreach (var field in new[] { "name", "generateName" })
                {
                    if (value?[field] is { } fieldValue)
                    {
                        metadata[field] = fieldValue.DeepClone();
                    }
                }
                view[key] = metadata;
            }
            else
            {
                view[key] = value?.DeepClone();
            }
        }
        return view;
    }

    private static void CollectPruned(JsonNode? before, JsonNode? after, string path, List<string> unknown)
    {
        switch (before)
        {
            case JsonObject beforeObject when after is JsonObject afterObject:
                foreach (var (key, value) in beforeObject)
                {
                    var childPath = $"{path}.{key}";
                    if (!afterObject.ContainsKey(key))
                    {
                        unknown.Add(childPath);
                    }
                    else
                    {
                        CollectPruned(value, afterObject[key], childPath, unknown);
                    }
                }
                break;
            case JsonArray beforeArray when after is JsonArray afterArray:
                for (var i = 0; i < beforeArray.Count && i < afterArray.Count; i++)
                {
                    CollectPruned(beforeArray[i], afterArray[i], $"{path}[{i}]", unknown);
                }
                break;
        }
    }

    private static IEnumerable<FieldProblem> ValidateOwnerReferences(JsonObject metadata)
    {
        if (metadata["ownerReferences"] is not JsonArray references)
        {
            yield break;
        }
        var controllers = 0;
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i] as JsonObject;
            foreach (var field in new[] { "apiVersion", "kind", "name", "uid" })
            {
                if (string.IsNullOrEmpty(reference?[field]?.GetValue<string>()))
                {
                    yield return new FieldProblem($"metadata.ownerReferences.{field}", $"Invalid value: \"\": {field} must not be empty");
                }
            }
            if (reference?["controller"]?.GetValue<bool>() == true)
            {
                controllers++;
            }
        }
        if (controllers > 1)
        {
            yield return new FieldProblem("metadata.ownerReferences", "Invalid value: []v1.OwnerReference{...}: Only one reference can have Controller set to true");
        }
    }

    private static string JsonTreeName(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? "";
}
