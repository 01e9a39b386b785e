using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Skyforge.Aws;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Runtime.Conditions;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Events;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.Controllers;

/// <summary>
/// The managed-resource pattern over one <see cref="IExternalClient{TResource}"/>: validate (terminal
/// InvalidSpec), add the finalizer before any create, observe, create or update only what differs,
/// publish the connection Secret, write status only when it changed, requeue fast while AWS is busy
/// and at the drift interval when stable; on deletion apply the policy and keep the finalizer until
/// the external resource is gone or retained.
/// </summary>
public sealed partial class ManagedResourceReconciler<TResource> : IReconciler
    where TResource : class
{
    public const string Finalizer = "platform.skyforge.dev/finalizer";
    public const string FieldManager = "skyforge-operator";
    public const string ReconcileRequestedAnnotation = "skyforge.dev/reconcile-requested-at";

    /// <summary>The immutable fields as they were when the external resource was first created (JSON map path -> value).</summary>
    public const string ImmutableFieldsAnnotation = "skyforge.dev/immutable-fields";

    private readonly ManagedKind<TResource> _kind;
    private readonly IExternalClient<TResource> _external;
    private readonly SharedInformerFactory _informers;
    private readonly IKubernetesClient _client;
    private readonly IEventRecorder _events;
    private readonly BuildContext _build;
    private readonly DataServicesOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>The reconcile-requested-at value last acted on, per object uid.</summary>
    private readonly ConcurrentDictionary<string, string> _handledRequests = new(StringComparer.Ordinal);

    public ManagedResourceReconciler(
        ManagedKind<TResource> kind,
        IExternalClient<TResource> external,
        SharedInformerFactory informers,
        IKubernetesClient client,
        IEventRecorder events,
        BuildContext build,
        DataServicesOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _kind = kind;
        _external = external;
        _informers = informers;
        _client = client;
        _events = events;
        _build = build;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var cached = _informers.Get(_kind.Type).Store.Get(request.Key);
        if (cached is null)
        {
            return ReconcileResult.Done;
        }
        var resource = _kind.Read(cached.Raw);
        var status = new StatusDraft(cached, _time.GetUtcNow());
        try
        {
            return cached.IsBeingDeleted
                ? await DeleteAsync(cached, resource, status, cancellationToken)
                : await ReconcileLiveAsync(cached, resource, status, cancellationToken);
        }
        catch (ExternalResourceException failure)
        {
            status.Failed(failure.Reason, failure.Message);
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.Failed(failure);
        }
        catch (AwsServiceException failure) when (failure.IsThrottling)
        {
            status.Failed(ConditionReasons.Throttled, $"AWS is throttling {failure.Service.Id} {failure.Operation}; retrying with backoff");
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.RequeueAfter(Jitter(_options.TransitionInterval));
        }
        catch (AwsServiceException failure) when (failure.IsUnavailable)
        {
            status.Failed(ConditionReasons.AwsUnavailable, $"AWS {failure.Service.Id} is unavailable ({failure.ErrorCode}); retrying later");
            await WriteStatusAsync(cached, status, cancellationToken);
            var wait = Jitter(_options.TransitionInterval);
            return ReconcileResult.RequeueAfter(failure.RetryAfter is { } retryAfter && retryAfter > wait ? retryAfter : wait);
        }
        catch (AwsServiceException failure)
        {
            var detail = failure.ServiceMessage is { Length: > 0 } serviceMessage ? $"{failure.Message}: {serviceMessage}" : failure.Message;
            status.Failed(ConditionReasons.AwsError, detail);
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.Failed(failure);
        }
    }

    private async Task<ReconcileResult> ReconcileLiveAsync(CachedObject cached, TResource resource, StatusDraft status, CancellationToken cancellationToken)
    {
        var problems = Validate(cached, resource);
        if (problems.Count > 0)
        {
            var message = string.Join("; ", problems);
            status.Set(ConditionReasons.Ready, ConditionSet.False, ConditionReasons.InvalidSpec, message);
            status.Set(ConditionReasons.Synced, ConditionSet.False, ConditionReasons.InvalidSpec, message);
            status.Phase = "Failed";
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.Terminal(message);
        }

        var identity = _kind.Identity(resource);
        status.Current = await EnsureFinalizerAsync(cached, resource, cancellationToken) ?? status.Current;
        var requested = cached.Metadata.Annotations?.GetValueOrDefault(ReconcileRequestedAnnotation);
        var freshRead = !status.IsReady || cached.Generation != status.ObservedGeneration
            || (requested is not null && (cached.Uid is null || _handledRequests.GetValueOrDefault(cached.Uid) != requested));
        var context = new ManagedResourceContext<TResource>(resource, identity, _build, freshRead);
        status.Remove(ConditionReasons.DeletionBlocked);

        var observed = await _external.ObserveAsync(context, cancellationToken);
        if (requested is not null && cached.Uid is not null)
        {
            _handledRequests[cached.Uid] = requested;
        }
        if (observed.Exists && observed.Owner != TaggedOwner.ThisOwner)
        {
            var message = observed.Owner == TaggedOwner.AnotherOwner
                ? "the AWS resource with this identifier is tagged as owned by another Skyforge object or cluster; it is left untouched"
                : "an AWS resource with this identifier exists without Skyforge ownership tags; it is left untouched";
            status.Set(ConditionReasons.Ready, ConditionSet.False, ConditionReasons.OwnershipConflict, message);
            status.Set(ConditionReasons.Synced, ConditionSet.False, ConditionReasons.OwnershipConflict, message);
            status.Phase = "Failed";
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.RequeueAfter(Jitter(_options.DriftInterval));
        }

        if (!observed.Exists)
        {
            await _external.CreateAsync(context, cancellationToken);
            status.Set(ConditionReasons.Ready, ConditionSet.False, ConditionReasons.Creating, "creation requested");
            status.Set(ConditionReasons.Synced, ConditionSet.True, ConditionReasons.ReconcileSuccess, "create requested");
            status.Phase = "Creating";
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.RequeueAfter(Jitter(_options.TransitionInterval));
        }

        status.Merge(observed.StatusFields);
        if (observed.Publish is { } objects)
        {
            await PublishAsync(cached, objects, cancellationToken);
        }

        if (!observed.UpToDate)
        {
            await _external.UpdateAsync(context, observed, cancellationToken);
            var changes = observed.Differences.Count > 0 ? string.Join(", ", observed.Differences) : "settings";
            if (!status.IsReady)
            {
                status.Set(ConditionReasons.Ready, ConditionSet.False, ConditionReasons.Updating, $"updating {changes}");
            }
            status.Set(ConditionReasons.Synced, ConditionSet.True, ConditionReasons.ReconcileSuccess, $"update requested: {changes}");
            status.Phase = "Updating";
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.RequeueAfter(Jitter(_options.TransitionInterval));
        }

        status.Set(ConditionReasons.Synced, ConditionSet.True, ConditionReasons.ReconcileSuccess, "external resource matches the spec");
        if (observed.Transitioning)
        {
            var creating = !status.WasEverReady;
            var state = observed.State ?? "changing";
            if (!status.IsReady)
            {
                status.Set(ConditionReasons.Ready, ConditionSet.False, creating ? ConditionReasons.Creating : ConditionReasons.Updating, $"external state: {state}");
            }
            status.Phase = creating ? "Creating" : "Updating";
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.RequeueAfter(Jitter(_options.TransitionInterval));
        }

        status.Set(ConditionReasons.Ready, ConditionSet.True, ConditionReasons.Available, observed.State is { } available ? $"external state: {available}" : "available");
        status.Phase = "Available";
        await WriteStatusAsync(cached, status, cancellationToken);
        var next = Jitter(_options.DriftInterval);
        return ReconcileResult.RequeueAfter(observed.NextCheck is { } sooner && sooner < next ? sooner : next);
    }

    private async Task<ReconcileResult> DeleteAsync(CachedObject cached, TResource resource, StatusDraft status, CancellationToken cancellationToken)
    {
        if (!cached.HasFinalizer(Finalizer))
        {
            return ReconcileResult.Done;
        }
        if (_kind.Retains(resource))
        {
            Record(cached, EventKind.Normal, "Retained", "the deletion policy keeps the external resource in place");
            await RemoveFinalizerAsync(status.Current, cancellationToken);
            return ReconcileResult.Done;
        }
        var context = new ManagedResourceContext<TResource>(resource, _kind.Identity(resource), _build, FreshRead: true);
        var observed = await _external.ObserveAsync(context, cancellationToken);
        if (!observed.Exists || observed.Owner != TaggedOwner.ThisOwner)
        {
            if (observed.Exists)
            {
                Record(cached, EventKind.Warning, ConditionReasons.OwnershipConflict, "the AWS resource belongs to another owner; it was not deleted");
            }
            await RemoveFinalizerAsync(status.Current, cancellationToken);
            return ReconcileResult.Done;
        }
        if (_kind.DeletionBlocked(resource) is { } blocked)
        {
            // No requeue: a spec change (deletionProtection off, or deletionPolicy Retain) enqueues the object again.
            status.Set(ConditionReasons.DeletionBlocked, ConditionSet.True, ConditionReasons.DeletionProtected, blocked);
            status.Set(ConditionReasons.Ready, ConditionSet.False, ConditionReasons.DeletionBlocked, blocked);
            status.Phase = "DeletionBlocked";
            await WriteStatusAsync(cached, status, cancellationToken);
            return ReconcileResult.Done;
        }
        status.Remove(ConditionReasons.DeletionBlocked);
        if (await _external.DeleteAsync(context, observed, cancellationToken))
        {
            Record(cached, EventKind.Normal, "Deleted", "the AWS resource is deleted");
            await RemoveFinalizerAsync(status.Current, cancellationToken);
            return ReconcileResult.Done;
        }
        status.Set(ConditionReasons.Ready, ConditionSet.False, ConditionReasons.Deleting, observed.State is { } state ? $"deleting; external state: {state}" : "deleting");
        status.Phase = "Deleting";
        await WriteStatusAsync(cached, status, cancellationToken);
        return ReconcileResult.RequeueAfter(Jitter(_options.TransitionInterval));
    }

    private List<string> Validate(CachedObject cached, TResource resource)
    {
        var messages = StoredSpecValidation.Problems(cached);
        messages.AddRange(_kind.OperatorChecks(resource, _build).Select(error => $"{error.Path}: {error.Message}"));
        if (messages.Count == 0 && cached.Metadata.Annotations?.GetValueOrDefault(ImmutableFieldsAnnotation) is { } recordedText)
        {
            var recorded = JsonSerializer.Deserialize<Dictionary<string, string>>(recordedText) ?? [];
            foreach (var (path, value) in _kind.ImmutableFields(resource, _build))
            {
                if (recorded.TryGetValue(path, out var original) && original != value)
                {
                    messages.Add($"{path}: Invalid value: \"{value}\": field is immutable (was \"{original}\" when created)");
                }
            }
        }
        return messages;
    }

    /// <summary>Adds the finalizer and records the immutable fields in one patch guarded by resourceVersion; null when both are there.</summary>
    private async Task<JsonObject?> EnsureFinalizerAsync(CachedObject cached, TResource resource, CancellationToken cancellationToken)
    {
        var hasFinalizer = cached.HasFinalizer(Finalizer);
        var hasRecord = cached.Metadata.Annotations?.ContainsKey(ImmutableFieldsAnnotation) == true;
        if (hasFinalizer && hasRecord)
        {
            return null;
        }
        var metadata = new JsonObject { ["resourceVersion"] = cached.ResourceVersion };
        if (!hasFinalizer)
        {
            metadata["finalizers"] = new JsonArray([.. (cached.Metadata.Finalizers ?? []).Append(Finalizer).Select(name => (JsonNode?)JsonValue.Create(name))]);
        }
        if (!hasRecord)
        {
            var fields = new SortedDictionary<string, string>(_kind.ImmutableFields(resource, _build).ToDictionary(), StringComparer.Ordinal);
            metadata["annotations"] = new JsonObject { [ImmutableFieldsAnnotation] = JsonSerializer.Serialize(fields) };
        }
        return await _client.PatchAsync(_kind.Type, cached.Key.Namespace, cached.Key.Name, KubernetesPatch.Merge(new JsonObject { ["metadata"] = metadata }), cancellationToken: cancellationToken);
    }

    private async Task RemoveFinalizerAsync(JsonObject current, CancellationToken cancellationToken)
    {
        if (current["metadata"]?["uid"]?.GetValue<string>() is { } uid)
        {
            _handledRequests.TryRemove(uid, out _);
        }
        var finalizers = (current["metadata"]?["finalizers"] as JsonArray)?.Select(node => node?.GetValue<string>()).Where(name => name is not null && name != Finalizer).ToList() ?? [];
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = current["metadata"]?["resourceVersion"]?.DeepClone(),
                ["finalizers"] = new JsonArray([.. finalizers.Select(name => (JsonNode?)JsonValue.Create(name))]),
            },
        };
        var name = current["metadata"]!["name"]!.GetValue<string>();
        var @namespace = current["metadata"]?["namespace"]?.GetValue<string>();
        await _client.PatchAsync(_kind.Type, @namespace, name, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Applies the objects that differ from the cluster's (so a drift check of an unchanged resource reads but never
    /// writes); one that exists under another controller (e.g. a user's own Secret of that name) is never taken over.
    /// </summary>
    private async Task PublishAsync(CachedObject owner, IReadOnlyList<JsonObject> objects, CancellationToken cancellationToken)
    {
        foreach (var desired in objects)
        {
            var obj = PublishedObjects.ForApply(desired);
            // Owned by the resource whatever the provider built: garbage-collected with it, and recognised as ours next time.
            obj["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = _kind.Type.ApiVersion,
                ["kind"] = _kind.Type.Kind,
                ["name"] = owner.Key.Name,
                ["uid"] = owner.Uid,
                ["controller"] = true,
                ["blockOwnerDeletion"] = true,
            });
            var type = PublishedObjects.TypeOf(obj);
            var name = obj["metadata"]!["name"]!.GetValue<string>();
            var existing = await _client.TryGetAsync(type, owner.Key.Namespace, name, cancellationToken);
            if (existing is not null && ControllerOwner.Of(existing)?.Uid != owner.Uid)
            {
                throw new ExternalResourceException(ConditionReasons.OwnershipConflict, $"{type.Kind} {name} already exists and is not controlled by this {_kind.Type.Kind}; it is left untouched");
            }
            var stamped = AppliedConfiguration.Stamp(obj);
            if (AppliedConfiguration.NeedsApply(stamped, existing))
            {
                await _client.ApplyAsync(type, stamped, new ApplyOptions { FieldManager = FieldManager, Force = true }, cancellationToken);
            }
        }
    }

    private async Task WriteStatusAsync(CachedObject cached, StatusDraft status, CancellationToken cancellationToken)
    {
        var (changed, readyChanged) = status.Finish(cached.Generation);
        if (readyChanged is { } ready)
        {
            var warning = ready.Status != ConditionSet.True && ready.Reason is not (ConditionReasons.Creating or ConditionReasons.Updating or ConditionReasons.Deleting);
            Record(cached, warning ? EventKind.Warning : EventKind.Normal, ready.Reason, ready.Message);
            LogStateChange(cached.Key.ToString(), _kind.Type.Kind, ready.Reason, ready.Message);
        }
        if (!changed)
        {
            return;
        }
        var update = status.Current.DeepClone().AsObject();
        update["status"] = status.Computed.DeepClone();
        status.Current = await _client.UpdateStatusAsync(_kind.Type, update, cancellationToken: cancellationToken);
    }

    private void Record(CachedObject cached, EventKind kind, string reason, string message) =>
        _events.Record(EventTarget.Of(_kind.Type, cached), kind, reason, message);

    private static TimeSpan Jitter(TimeSpan interval) => interval * (0.8 + (0.4 * Random.Shared.NextDouble()));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {Key} is now {Reason}: {Detail}")]
    private partial void LogStateChange(string key, string kind, string reason, string detail);
}
