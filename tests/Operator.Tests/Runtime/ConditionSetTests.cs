using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Models;
using Skyforge.Runtime.Conditions;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class ConditionSetTests
{
    private static readonly DateTimeOffset Earlier = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 9, 30, 15, 250, TimeSpan.Zero);

    private static readonly IReadOnlyList<Condition> Existing =
    [
        new() { Type = "Synced", Status = "True", Reason = "Synced", Message = "", LastTransitionTime = Earlier },
        new() { Type = "Ready", Status = "False", Reason = "Creating", Message = "creating", ObservedGeneration = 1, LastTransitionTime = Earlier },
    ];

    [Fact]
    public void A_new_condition_is_appended_with_the_current_time_in_whole_seconds()
    {
        var update = ConditionSet.Set(Existing, "Degraded", "False", "AsExpected", "", 1, Now);

        Assert.True(update.Changed);
        Assert.Equal(["Synced", "Ready", "Degraded"], update.Conditions.Select(condition => condition.Type));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 9, 30, 15, TimeSpan.Zero), update.Conditions[2].LastTransitionTime);
    }

    [Fact]
    public void A_status_flip_moves_the_transition_time()
    {
        var update = ConditionSet.Set(Existing, "Ready", "True", "Available", "ready", 2, Now);

        var ready = ConditionSet.Find(update.Conditions, "Ready")!;
        Assert.True(update.Changed);
        Assert.Equal("True", ready.Status);
        Assert.Equal(KubernetesTimeConverter.Truncate(Now), ready.LastTransitionTime);
        Assert.True(ConditionSet.IsTrue(update.Conditions, "Ready"));
    }

    [Fact]
    public void A_new_reason_without_a_status_flip_keeps_the_transition_time()
    {
        var update = ConditionSet.Set(Existing, "Ready", "False", "WaitingForEndpoint", "still creating", 1, Now);

        Assert.True(update.Changed);
        Assert.Equal(Earlier, ConditionSet.Find(update.Conditions, "Ready")!.LastTransitionTime);
        Assert.Equal("WaitingForEndpoint", ConditionSet.Find(update.Conditions, "Ready")!.Reason);
    }

    [Fact]
    public void Setting_what_is_already_there_changes_nothing()
    {
        var update = ConditionSet.Set(Existing, "Ready", "False", "Creating", "creating", 1, Now);

        Assert.False(update.Changed);
        Assert.Equal(Existing, update.Conditions);
    }

    [Fact]
    public void A_new_observed_generation_alone_is_a_change()
    {
        Assert.True(ConditionSet.Set(Existing, "Ready", "False", "Creating", "creating", 2, Now).Changed);
    }

    [Fact]
    public void Removing_reports_whether_anything_was_removed()
    {
        Assert.True(ConditionSet.Remove(Existing, "Synced").Changed);
        Assert.Equal(["Ready"], ConditionSet.Remove(Existing, "Synced").Conditions.Select(condition => condition.Type));
        Assert.False(ConditionSet.Remove(Existing, "Absent").Changed);
    }

    [Fact]
    public void Status_comparison_sees_only_real_changes()
    {
        var stored = JsonNode.Parse("""{"phase":"Ready","conditions":[{"type":"Ready","status":"True"}]}""");

        Assert.False(StatusComparison.HasChanged(stored, JsonNode.Parse("""{"conditions":[{"status":"True","type":"Ready"}],"phase":"Ready"}""")));
        Assert.True(StatusComparison.HasChanged(stored, JsonNode.Parse("""{"phase":"Creating","conditions":[{"type":"Ready","status":"True"}]}""")));
        Assert.False(StatusComparison.HasChanged(null, new JsonObject()));
    }

    [Fact]
    public void Typed_status_comparison_uses_the_serialized_form()
    {
        var typeInfo = KubernetesJsonContext.Default.Condition;
        var stored = Existing[0];

        Assert.False(StatusComparison.HasChanged(stored, stored with { }, typeInfo));
        Assert.True(StatusComparison.HasChanged(stored, stored with { Message = "different" }, typeInfo));
    }
}
