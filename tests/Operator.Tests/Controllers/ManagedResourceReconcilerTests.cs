using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Events;

namespace Skyforge.Operator.Tests.Controllers;

public sealed class ManagedResourceReconcilerTests : IAsyncLifetime
{
    private const string Finalizer = "platform.skyforge.dev/finalizer";
    private ReconcilerHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ReconcilerHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static ExternalObservation Available(string name, string value = "s3cr3t") => new()
    {
        Exists = true,
        State = "available",
        Publish = [ConnectionSecret(name, value)],
        StatusFields = new JsonObject { ["arn"] = $"arn:aws:secretsmanager:us-east-1:000000000000:secret:{name}" },
    };

    private static JsonObject ConnectionSecret(string name, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ReconcilerHarness.Namespace },
        ["type"] = "Opaque",
        ["stringData"] = new JsonObject { ["token"] = value },
    };

    [Fact]
    public async Task An_invalid_spec_is_terminal_names_the_field_and_touches_nothing()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("bad", refreshInterval: "30s"));

        var result = await _harness.ReconcileAsync("bad");

        Assert.Equal(ReconcileOutcome.Terminal, result.Outcome);
        var stored = await _harness.GetAsync("bad");
        var ready = ReconcilerHarness.Condition(stored, "Ready")!;
        Assert.Equal("False", ready["status"]!.GetValue<string>());
        Assert.Equal("InvalidSpec", ready["reason"]!.GetValue<string>());
        Assert.Contains("spec.refreshInterval", ready["message"]!.GetValue<string>());
        Assert.Null(stored["metadata"]!["finalizers"]);
        Assert.Empty(_harness.External.Calls);
        Assert.Contains(_harness.Events.Events, e => e.Kind == EventKind.Warning && e.Reason == "InvalidSpec");
    }

    [Fact]
    public async Task The_finalizer_is_in_place_before_the_create_and_the_resource_becomes_ready_with_its_secret()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("api-key"));
        IReadOnlyList<string>? finalizersAtCreate = null;
        _harness.External.OnCreate = _ =>
        {
            var stored = _harness.GetAsync("api-key").GetAwaiter().GetResult();
            finalizersAtCreate = (stored["metadata"]!["finalizers"] as JsonArray)?.Select(node => node!.GetValue<string>()).ToList();
        };

        var creating = await _harness.ReconcileAsync("api-key");

        Assert.Equal(["observe", "create"], _harness.External.Calls);
        Assert.Equal([Finalizer], finalizersAtCreate);
        Assert.Equal(ReconcileOutcome.RequeueAfter, creating.Outcome);
        Assert.InRange(creating.Delay, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(18));
        var pending = await _harness.GetAsync("api-key");
        Assert.Equal("Creating", pending["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("Creating", ReconcilerHarness.Condition(pending, "Ready")!["reason"]!.GetValue<string>());

        _harness.External.Observe = _ => Available("api-key");
        var ready = await _harness.ReconcileAsync("api-key");

        Assert.Equal(ReconcileOutcome.RequeueAfter, ready.Outcome);
        Assert.InRange(ready.Delay, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(12));
        var stored = await _harness.GetAsync("api-key");
        Assert.Equal("True", ReconcilerHarness.Condition(stored, "Ready")!["status"]!.GetValue<string>());
        Assert.Equal("True", ReconcilerHarness.Condition(stored, "Synced")!["status"]!.GetValue<string>());
        Assert.Equal("Available", stored["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(stored["metadata"]!["generation"]!.GetValue<long>(), stored["status"]!["observedGeneration"]!.GetValue<long>());
        Assert.StartsWith("arn:aws:secretsmanager", stored["status"]!["arn"]!.GetValue<string>());
        var secret = await _harness.Client.GetAsync(ResourceTypes.Secrets, ReconcilerHarness.Namespace, "api-key");
        Assert.Equal("s3cr3t", Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["token"]!.GetValue<string>())));
        var owner = secret["metadata"]!["managedFields"]!.AsArray().Select(entry => entry!["manager"]!.GetValue<string>());
        Assert.Contains(ManagedResourceReconciler<Crds.V1Alpha1.ManagedSecret>.FieldManager, owner);
        Assert.Contains(_harness.Events.Events, e => e.Reason == "Available");
    }

    [Fact]
    public async Task A_steady_resource_writes_no_status()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("steady"));
        _harness.External.Observe = _ => Available("steady");
        await _harness.ReconcileAsync("steady");
        var writes = _harness.StatusWrites;

        for (var round = 0; round < 3; round++)
        {
            await _harness.ReconcileAsync("steady");
        }

        Assert.Equal(writes, _harness.StatusWrites);
    }

    [Fact]
    public async Task A_resource_owned_by_someone_else_is_neither_changed_nor_deleted()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("taken"));
        _harness.External.Observe = _ => new ExternalObservation { Exists = true, Owner = TaggedOwner.AnotherOwner, UpToDate = false };

        var result = await _harness.ReconcileAsync("taken");

        Assert.Equal(ReconcileOutcome.RequeueAfter, result.Outcome);
        Assert.True(result.Delay >= TimeSpan.FromMinutes(8), "no hot loop on a conflict");
        var stored = await _harness.GetAsync("taken");
        Assert.Equal("OwnershipConflict", ReconcilerHarness.Condition(stored, "Ready")!["reason"]!.GetValue<string>());

        await _harness.Client.DeleteAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "taken");
        await _harness.ReconcileAsync("taken");

        Assert.DoesNotContain("create", _harness.External.Calls);
        Assert.DoesNotContain("update", _harness.External.Calls);
        Assert.DoesNotContain("delete", _harness.External.Calls);
        Assert.Null(await _harness.Client.TryGetAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "taken"));
    }

    [Fact]
    public async Task Throttling_and_an_open_circuit_become_conditions_without_a_hot_loop()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("busy"));
        _harness.External.Observe = _ => throw new AwsServiceException(AwsService.SecretsManager, "DescribeSecret", "ThrottlingException", HttpStatusCode.BadRequest, "req-1", "Rate exceeded");

        var throttled = await _harness.ReconcileAsync("busy");

        Assert.Equal(ReconcileOutcome.RequeueAfter, throttled.Outcome);
        Assert.True(throttled.Delay >= TimeSpan.FromSeconds(10));
        var stored = await _harness.GetAsync("busy");
        Assert.Equal("Throttled", ReconcilerHarness.Condition(stored, "Synced")!["reason"]!.GetValue<string>());

        _harness.External.Observe = _ => throw new AwsServiceException(AwsService.SecretsManager, "DescribeSecret", AwsErrorCodes.CircuitOpen, null, null, null, TimeSpan.FromSeconds(30));
        var open = await _harness.ReconcileAsync("busy");

        Assert.Equal(ReconcileOutcome.RequeueAfter, open.Outcome);
        Assert.True(open.Delay >= TimeSpan.FromSeconds(30), "waits out the break");
        stored = await _harness.GetAsync("busy");
        Assert.Equal("AwsUnavailable", ReconcilerHarness.Condition(stored, "Synced")!["reason"]!.GetValue<string>());
        Assert.Equal("False", ReconcilerHarness.Condition(stored, "Synced")!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deletion_keeps_the_finalizer_until_the_external_resource_is_gone()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("doomed"));
        _harness.External.Observe = _ => Available("doomed");
        await _harness.ReconcileAsync("doomed");
        await _harness.Client.DeleteAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "doomed");
        _harness.External.Delete = () => false;

        var deleting = await _harness.ReconcileAsync("doomed");

        Assert.Equal(ReconcileOutcome.RequeueAfter, deleting.Outcome);
        var stored = await _harness.GetAsync("doomed");
        Assert.Equal([Finalizer], stored["metadata"]!["finalizers"]!.AsArray().Select(node => node!.GetValue<string>()));
        Assert.Equal("Deleting", stored["status"]!["phase"]!.GetValue<string>());

        _harness.External.Delete = () => true;
        var done = await _harness.ReconcileAsync("doomed");

        Assert.Equal(ReconcileOutcome.Done, done.Outcome);
        Assert.Null(await _harness.Client.TryGetAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "doomed"));
    }

    [Fact]
    public async Task Retain_releases_the_object_without_deleting_anything()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("kept", deletionPolicy: "Retain"));
        _harness.External.Observe = _ => Available("kept");
        await _harness.ReconcileAsync("kept");
        await _harness.Client.DeleteAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "kept");

        var result = await _harness.ReconcileAsync("kept");

        Assert.Equal(ReconcileOutcome.Done, result.Outcome);
        Assert.DoesNotContain("delete", _harness.External.Calls);
        Assert.Null(await _harness.Client.TryGetAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "kept"));
    }

    [Fact]
    public async Task Blocked_deletion_reports_once_and_waits_for_a_spec_change()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("protected"));
        _harness.External.Observe = _ => Available("protected");
        await _harness.ReconcileAsync("protected");
        _harness.Kind.BlockDeletion = "deletionProtection is true";
        await _harness.Client.DeleteAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "protected");

        var blocked = await _harness.ReconcileAsync("protected");
        var writes = _harness.StatusWrites;
        var again = await _harness.ReconcileAsync("protected");

        Assert.Equal(ReconcileOutcome.Done, blocked.Outcome);
        Assert.Equal(ReconcileOutcome.Done, again.Outcome);
        Assert.Equal(writes, _harness.StatusWrites);
        Assert.DoesNotContain("delete", _harness.External.Calls);
        var stored = await _harness.GetAsync("protected");
        Assert.Equal("True", ReconcilerHarness.Condition(stored, "DeletionBlocked")!["status"]!.GetValue<string>());
        Assert.Contains(_harness.Events.Events, e => e.Kind == EventKind.Warning && e.Reason == "DeletionBlocked");
    }

    [Fact]
    public async Task A_changed_immutable_field_is_rejected_against_what_was_recorded_at_creation()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("moved"));
        await _harness.ReconcileAsync("moved");
        var recorded = (await _harness.GetAsync("moved"))["metadata"]!["annotations"]![ManagedResourceReconciler<Crds.V1Alpha1.ManagedSecret>.ImmutableFieldsAnnotation]!.GetValue<string>();
        Assert.Contains("spec.awsSecretName", recorded);
        // The CRD's CEL rule stops a user from changing awsSecretName; simulate a record that no longer matches instead.
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject
                {
                    [ManagedResourceReconciler<Crds.V1Alpha1.ManagedSecret>.ImmutableFieldsAnnotation] = """{"spec.awsSecretName":"elsewhere","spec.region":"us-east-1"}""",
                },
            },
        };
        await _harness.Client.PatchAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "moved", KubernetesPatch.Merge(patch));
        var calls = _harness.External.Calls.Count;

        var result = await _harness.ReconcileAsync("moved");

        Assert.Equal(ReconcileOutcome.Terminal, result.Outcome);
        Assert.Equal(calls, _harness.External.Calls.Count);
        var ready = ReconcilerHarness.Condition(await _harness.GetAsync("moved"), "Ready")!;
        Assert.Equal("InvalidSpec", ready["reason"]!.GetValue<string>());
        Assert.Contains("spec.awsSecretName", ready["message"]!.GetValue<string>());
        Assert.Contains("immutable", ready["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_reconcile_requested_annotation_forces_a_fresh_read_once()
    {
        await _harness.CreateAsync(ReconcilerHarness.Secret("poked"));
        _harness.External.Observe = _ => Available("poked");
        await _harness.ReconcileAsync("poked");
        await _harness.ReconcileAsync("poked");
        Assert.False(_harness.External.Contexts.Last().FreshRead);

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ManagedResourceReconciler<Crds.V1Alpha1.ManagedSecret>.ReconcileRequestedAnnotation] = "2026-01-01T00:00:00Z" } } };
        await _harness.Client.PatchAsync(SkyforgeResourceTypes.ManagedSecrets, ReconcilerHarness.Namespace, "poked", KubernetesPatch.Merge(patch));
        await _harness.ReconcileAsync("poked");
        Assert.True(_harness.External.Contexts.Last().FreshRead);

        await _harness.ReconcileAsync("poked");
        Assert.False(_harness.External.Contexts.Last().FreshRead);
    }

    [Fact]
    public async Task A_secret_of_the_same_name_that_someone_else_controls_is_not_taken_over()
    {
        await _harness.Client.CreateAsync(ResourceTypes.Secrets, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "mine", ["namespace"] = ReconcilerHarness.Namespace },
            ["stringData"] = new JsonObject { ["token"] = "users-own-value" },
        });
        await _harness.CreateAsync(ReconcilerHarness.Secret("mine"));
        _harness.External.Observe = _ => Available("mine");

        var result = await _harness.ReconcileAsync("mine");

        Assert.Equal(ReconcileOutcome.Error, result.Outcome);
        var stored = await _harness.GetAsync("mine");
        Assert.Equal("OwnershipConflict", ReconcilerHarness.Condition(stored, "Ready")!["reason"]!.GetValue<string>());
        var secret = await _harness.Client.GetAsync(ResourceTypes.Secrets, ReconcilerHarness.Namespace, "mine");
        Assert.Equal("users-own-value", Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["token"]!.GetValue<string>())));
    }
}
