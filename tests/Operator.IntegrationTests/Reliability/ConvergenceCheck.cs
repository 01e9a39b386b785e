using System.Text.Json.Nodes;
using Skyforge.Operator.IntegrationTests.DataServices;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// Both sides at one moment, against the issue's definition of done. Converged: every ManagedDatabase not being deleted
/// is Ready at its generation and owns exactly one RDS instance, one DB subnet group and one master secret (by ownership
/// tags) and controls exactly one connection Secret; and nothing is left, in AWS or in Kubernetes, for an object that no
/// longer exists. A second resource for one object is a duplicate; a resource whose object is gone is an orphan.
/// </summary>
internal sealed record ConvergenceCheck(IReadOnlyList<string> Duplicates, IReadOnlyList<string> Orphans, IReadOnlyList<string> Pending)
{
    private static readonly string[] RequiredAwsKinds = [AwsInventory.Instance, AwsInventory.SubnetGroup, AwsInventory.Secret];

    public bool Converged => Duplicates.Count == 0 && Orphans.Count == 0 && Pending.Count == 0;

    public static ConvergenceCheck Of(IReadOnlyList<JsonObject> databases, IReadOnlyList<JsonObject> secrets, IReadOnlyList<OwnedAwsResource> owned)
    {
        var duplicates = new List<string>();
        var orphans = new List<string>();
        var pending = new List<string>();
        var objects = databases.ToDictionary(Key);
        var connectionSecrets = secrets
            .Select(secret => (Secret: secret, Controller: Controller(secret)))
            .Where(pair => pair.Controller?["kind"]?.GetValue<string>() == "ManagedDatabase")
            .ToList();

        foreach (var group in owned.GroupBy(resource => (resource.Kind, Key: $"{resource.Namespace}/{resource.Name}")))
        {
            if (!objects.ContainsKey(group.Key.Key))
            {
                orphans.AddRange(group.Select(resource => $"{resource.Kind} {resource.Id} (its ManagedDatabase {group.Key.Key} is gone)"));
            }
            else if (group.Count() > 1)
            {
                duplicates.Add($"{group.Count()} {group.Key.Kind}s for {group.Key.Key}: {string.Join(", ", group.Select(resource => resource.Id))}");
            }
        }

        foreach (var (key, database) in objects)
        {
            if (database["metadata"]?["deletionTimestamp"] is not null)
            {
                pending.Add($"{key} is still being deleted ({Describe(database)})");
                continue;
            }
            if (!DataServicesOperator.IsReady(database))
            {
                pending.Add($"{key} is not Ready ({Describe(database)})");
            }
            foreach (var kind in RequiredAwsKinds.Where(kind => !owned.Any(resource => resource.Kind == kind && $"{resource.Namespace}/{resource.Name}" == key)))
            {
                pending.Add($"{key} has no {kind}");
            }
            var uid = database["metadata"]!["uid"]!.GetValue<string>();
            var controlled = connectionSecrets.Count(pair => pair.Controller!["uid"]?.GetValue<string>() == uid);
            if (controlled == 0)
            {
                pending.Add($"{key} has no connection Secret");
            }
            else if (controlled > 1)
            {
                duplicates.Add($"{controlled} connection Secrets for {key}");
            }
        }

        var liveUids = objects.Values.Select(database => database["metadata"]!["uid"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        orphans.AddRange(connectionSecrets
            .Where(pair => !liveUids.Contains(pair.Controller!["uid"]?.GetValue<string>() ?? ""))
            .Select(pair => $"Secret {Key(pair.Secret)} (its ManagedDatabase is gone)"));
        return new ConvergenceCheck(duplicates, orphans, pending);
    }

    public override string ToString() =>
        $"duplicates: [{string.Join("; ", Duplicates)}]; orphans: [{string.Join("; ", Orphans)}]; pending: [{string.Join("; ", Pending)}]";

    private static string Key(JsonObject obj) => $"{obj["metadata"]!["namespace"]!.GetValue<string>()}/{obj["metadata"]!["name"]!.GetValue<string>()}";

    private static JsonObject? Controller(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(reference => reference["controller"]?.GetValue<bool>() == true);

    private static string Describe(JsonObject database) =>
        DataServicesOperator.Condition(database, "Ready") is { } ready
            ? $"{ready["reason"]?.GetValue<string>()}: {ready["message"]?.GetValue<string>()}"
            : "no Ready condition yet";
}
