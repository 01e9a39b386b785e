using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Discovery;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Builders.Apps;
using Skyforge.Runtime.Conditions;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Events;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>
/// Makes an AppPlatform real: applies what <see cref="AppPlatformBuilder"/> builds with server-side apply (only
/// objects whose desired state differs from the cluster, so an idle application costs no writes), composes its
/// data services first and holds the workloads that use them until they are Ready, drives each service's rollout
/// through <see cref="RolloutPlanner"/>, deletes what the spec no longer asks for, and aggregates one status.
/// Deleting the AppPlatform leaves the rest to garbage collection: every child is owned by it, and each data
/// service's own controller applies its deletion policy.
/// </summary>
public sealed partial class AppPlatformReconciler : IReconciler
{
    public const string FieldManager = ManagedResourceReconciler<object>.FieldManager;

    /// <summary>How often an application blocked by an ownership conflict looks again: the other owner's objects going away reconciles only that owner.</summary>
    public static readonly TimeSpan ConflictRetryInterval = TimeSpan.FromMinutes(1);

    private readonly SharedInformerFactory _informers;
    private readonly IKubernetesClient _client;
    private readonly IEventRecorder _events;
    private readonly ApiDiscovery _discovery;
    private readonly AppOwnership _ownership;
    private readonly TimeProvider _time;
    private readonly ILogger<AppPlatformReconciler> _logger;

    public AppPlatformReconciler(
        SharedInformerFactory informers,
        IKubernetesClient client,
        IEventRecorder events,
        ApiDiscovery discovery,
        TimeProvider time,
        ILogger<AppPlatformReconciler> logger)
    {
        _informers = informers;
        _client = client;
        _events = events;
        _discovery = discovery;
        _ownership = new AppOwnership(informers, client);
        _time = time;
        _logger = logger;
    }

    /// <summary>Owned objects of the always-served kinds are cached with this selector (the builder labels everything it makes).</summary>
    /// <remarks>The data-service kinds share the unfiltered informers of their own controllers.</remarks>
    public static LabelSelector? OwnedSelector(ResourceType type) =>
        AppResourceTypes.IsDataService(type) ? null : LabelSelector.Everything.Equal(Builders.Manifest.ManagedByLabel, Builders.Manifest.ManagedBy);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var cached = _informers.Get(AppResourceTypes.AppPlatforms).Store.Get(request.Key);
        if (cached is null || cached.IsBeingDeleted)
        {
            return ReconcileResult.Done;
        }
        var status = new StatusDraft(cached, _time.GetUtcNow());
        var problems = StoredSpecValidation.Problems(cached);
        if (problems.Count > 0)
        {
            return await InvalidAsync(cached, status, string.Join("; ", problems), cancellationToken);
        }
        var app = cached.Raw.Deserialize<AppPlatform>(SkyforgeJson.Options) ?? throw new JsonException("an AppPlatform did not deserialize");
        var desired = AppPlatformBuilder.Build(app).Objects;
        var owned = OwnedObjects(cached);
        var conflicts = await _ownership.ConflictsAsync(cached, desired, owned, cancellationToken);
        if (conflicts.Count > 0)
        {
            return await ConflictAsync(cached, status, conflicts, cancellationToken);
        }
        try
        {
            return await ReconcileLiveAsync(cached, app, desired, owned, status, cancellationToken);
        }
        catch (KubernetesInvalidException invalid)
        {
            // The API server refused a composed object (e.g. a child's spec breaks its CRD's rules): the spec must change.
            return await InvalidAsync(cached, status, invalid.Message, cancellationToken);
        }
    }

    private async Task<ReconcileResult> ReconcileLiveAsync(
        CachedObject cached, AppPlatform app, IReadOnlyList<JsonObject> desired, Dictionary<(ResourceType, string), JsonObject> owned,
        StatusDraft status, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var @namespace = cached.Key.Namespace;

        var dataServices = new List<DataServiceStatus>();
        foreach (var child in desired.Where(obj => AppResourceTypes.IsDataService(AppResourceTypes.Of(obj))))
        {
            var type = AppResourceTypes.Of(child);
            var name = NameOf(child);
            await ApplyIfChangedAsync(type, child, owned.GetValueOrDefault((type, name)), cancellationToken);
            dataServices.Add(DataServiceReadiness.Of(type.Kind, name, owned.GetValueOrDefault((type, name))));
        }
        var readyData = dataServices.Where(data => data.Ready).Select(data => data.Name).ToHashSet(StringComparer.Ordinal);

        var rollouts = new List<(string Service, ServiceRollout Rollout)>();
        var held = new List<(string Service, IReadOnlyList<string> WaitingFor)>();
        var statuses = new List<ServiceStatus>();
        var heldObjects = new HashSet<(ResourceType, string)>();
        var plans = new Dictionary<string, ServiceRollout>(StringComparer.Ordinal);
        foreach (var service in app.Spec.Services ?? [])
        {
            var built = desired.Where(obj => IsServiceObject(obj, app, service) && obj["kind"]?.GetValue<string>() == "Deployment").ToList();
            var live = built.Select(NameOf).Where(name => owned.ContainsKey((ResourceTypes.Deployments, name)))
                .ToDictionary(name => name, name => new ObservedDeployment(owned[(ResourceTypes.Deployments, name)]), StringComparer.Ordinal);
            var waitingFor = BindingEnvironment.UsedNames(service).Where(used => !readyData.Contains(used)).ToList();
            if (waitingFor.Count > 0)
            {
                held.Add((service.Name, waitingFor));
                statuses.Add(ServiceStatuses.Waiting(service, live.GetValueOrDefault(service.Name) ?? live.Values.FirstOrDefault(), RolloutReplicas.Initial(app, service)));
                foreach (var obj in desired.Where(obj => IsServiceObject(obj, app, service) && obj["kind"]?.GetValue<string>() is "Deployment" or "HorizontalPodAutoscaler" or "PodDisruptionBudget"))
                {
                    heldObjects.Add((AppResourceTypes.Of(obj), NameOf(obj)));
                }
                continue;
            }
            var plan = RolloutPlanner.Plan(new RolloutInput(app, service, built, live, owned.GetValueOrDefault((ResourceTypes.Services, service.Name)), now));
            plans[service.Name] = plan;
            rollouts.Add((service.Name, plan));
            statuses.Add(plan.Status);
        }

        var observabilityMessages = new List<string>();
        var ingressApplied = false;
        var plansApplied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in desired)
        {
            var type = AppResourceTypes.Of(obj);
            var name = NameOf(obj);
            if (AppResourceTypes.IsDataService(type) || heldObjects.Contains((type, name)))
            {
                continue;
            }
            if (AppResourceTypes.Optional.Contains(type) && !await _discovery.IsServedAsync(type, cancellationToken))
            {
                observabilityMessages.Add($"{type.Kind} {name} not created: {type.Group}/{type.Version} {type.Plural} is not served by this cluster (install the Prometheus Operator CRDs)");
                continue;
            }
            foreach (var final in Finalize(obj, type, app, plans, plansApplied))
            {
                // Monitoring objects are not watched, so their live state is read here rather than from a cache.
                var live = AppResourceTypes.Optional.Contains(type)
                    ? await _client.TryGetAsync(type, @namespace, NameOf(final), cancellationToken)
                    : owned.GetValueOrDefault((type, NameOf(final)));
                await ApplyIfChangedAsync(type, final, live, cancellationToken);
            }
            ingressApplied |= type == AppResourceTypes.Ingresses;
        }

        await PruneAsync(@namespace, desired, owned, cancellationToken);
        await PruneOptionalAsync(cached, desired, cancellationToken);

        foreach (var (_, plan) in rollouts)
        {
            foreach (var rolloutEvent in plan.Events)
            {
                Record(cached, rolloutEvent.Warning ? EventKind.Warning : EventKind.Normal, rolloutEvent.Reason, rolloutEvent.Message);
            }
        }
        var summary = AppStatusSummary.Compute(dataServices, rollouts, held);
        foreach (var condition in summary.Conditions)
        {
            status.Set(condition.Type, condition.Status, condition.Reason, condition.Message);
        }
        status.Phase = summary.Phase;
        status.Merge(new JsonObject
        {
            ["url"] = ingressApplied ? Url(app, owned) : null,
            ["services"] = JsonSerializer.SerializeToNode(statuses, SkyforgeJson.Options),
            ["dataServices"] = dataServices.Count > 0 ? JsonSerializer.SerializeToNode(dataServices, SkyforgeJson.Options) : null,
            ["observabilityMessage"] = observabilityMessages.Count > 0 ? string.Join("; ", observabilityMessages) : null,
        });
        await WriteStatusAsync(cached, status, cancellationToken);

        var requeue = rollouts.Select(r => r.Rollout.RequeueAfter).Where(after => after is not null).Select(after => after!.Value).DefaultIfEmpty().Min();
        return requeue > TimeSpan.Zero ? ReconcileResult.RequeueAfter(requeue) : ReconcileResult.Done;
    }

    /// <summary>The built object in its final shape: a service's Deployments from its rollout plan, the Service and HPA following the active colour, the Ingress carrying canary weights.</summary>
    private static IEnumerable<JsonObject> Finalize(JsonObject obj, ResourceType type, AppPlatform app, Dictionary<string, ServiceRollout> plans, HashSet<string> plansApplied)
    {
        var service = (app.Spec.Services ?? []).FirstOrDefault(s => IsServiceObject(obj, app, s));
        var plan = service is null ? null : plans.GetValueOrDefault(service.Name);
        if (type == ResourceTypes.Deployments)
        {
            // Every Deployment of the service comes from the plan, emitted once, at the first of them.
            return plan is not null && plansApplied.Add(service!.Name) ? plan.Apply : [];
        }
        var copy = obj.DeepClone().AsObject();
        if (type == ResourceTypes.Services && plan?.ActiveColor is { } colour && NameOf(obj) == service!.Name)
        {
            copy["spec"]!["selector"]![AppNames.ColorLabel] = colour;
            if (plan.SwitchedAt is { } switchedAt)
            {
                RolloutAnnotations.Set(copy, RolloutAnnotations.SwitchedAt, switchedAt);
            }
        }
        if (type == AppResourceTypes.HorizontalPodAutoscalers && plan?.AutoscalerTarget is { } target)
        {
            copy["spec"]!["scaleTargetRef"]!["name"] = target;
        }
        if (type == AppResourceTypes.Ingresses && app.Spec.Target == Target.Eks)
        {
            foreach (var canary in (app.Spec.Services ?? []).Where(s => s.Route is not null && s.Rollout?.Strategy == RolloutStrategy.Canary))
            {
                var weight = plans.GetValueOrDefault(canary.Name)?.CanaryWeight ?? 0;
                copy["metadata"]!["annotations"]![IngressBuilder.AlbAnnotationPrefix + "actions." + canary.Name] = IngressBuilder.CanaryAction(canary, weight);
            }
        }
        return [copy];
    }

    private async Task ApplyIfChangedAsync(ResourceType type, JsonObject desired, JsonObject? live, CancellationToken cancellationToken)
    {
        var stamped = AppliedConfiguration.Stamp(desired);
        if (!AppliedConfiguration.NeedsApply(stamped, live))
        {
            return;
        }
        await _client.ApplyAsync(type, stamped, new ApplyOptions { FieldManager = FieldManager, Force = true }, cancellationToken);
    }

    /// <summary>Deletes owned objects the spec no longer asks for (a removed service's Deployment, Service, HPA, route; a removed data service).</summary>
    private async Task PruneAsync(string? @namespace, IReadOnlyList<JsonObject> desired, Dictionary<(ResourceType, string), JsonObject> owned, CancellationToken cancellationToken)
    {
        var wanted = desired.Select(obj => (AppResourceTypes.Of(obj), NameOf(obj))).ToHashSet();
        foreach (var ((type, name), obj) in owned)
        {
            if (wanted.Contains((type, name)) || obj["metadata"]?["deletionTimestamp"] is not null)
            {
                continue;
            }
            LogPruned(type.Kind, @namespace ?? "", name);
            await _client.DeleteIfExistsAsync(type, @namespace, name, new DeleteOptions { PropagationPolicy = PropagationPolicy.Background }, cancellationToken);
        }
    }

    /// <summary>
    /// Monitoring objects are not watched (their CRDs may come and go), so one switched off in the spec is looked up by
    /// its deterministic name (the application's) and deleted when this AppPlatform controls it.
    /// </summary>
    private async Task PruneOptionalAsync(CachedObject app, IReadOnlyList<JsonObject> desired, CancellationToken cancellationToken)
    {
        foreach (var type in AppResourceTypes.Optional)
        {
            if (desired.Any(obj => AppResourceTypes.Of(obj) == type) || !await _discovery.IsServedAsync(type, cancellationToken))
            {
                continue;
            }
            var existing = await _client.TryGetAsync(type, app.Key.Namespace, app.Key.Name, cancellationToken);
            if (ControllerOwner.Of(existing)?.Uid == app.Uid && existing?["metadata"]?["deletionTimestamp"] is null)
            {
                LogPruned(type.Kind, app.Key.Namespace ?? "", app.Key.Name);
                await _client.DeleteIfExistsAsync(type, app.Key.Namespace, app.Key.Name, new DeleteOptions { PropagationPolicy = PropagationPolicy.Background }, cancellationToken);
            }
        }
    }

    /// <summary>Every object of the always-served kinds whose controller is this AppPlatform, from the informers' caches.</summary>
    private Dictionary<(ResourceType, string), JsonObject> OwnedObjects(CachedObject app)
    {
        var owned = new Dictionary<(ResourceType, string), JsonObject>();
        foreach (var type in AppResourceTypes.Watched)
        {
            foreach (var obj in _informers.Get(type, OwnedSelector(type)).Store.List(app.Key.Namespace))
            {
                if (obj.ControllerReference?.Uid == app.Uid)
                {
                    owned[(type, obj.Key.Name)] = obj.ToJsonObject();
                }
            }
        }
        return owned;
    }

    private async Task<ReconcileResult> InvalidAsync(CachedObject cached, StatusDraft status, string message, CancellationToken cancellationToken)
    {
        status.Set(AppConditions.Ready, ConditionSet.False, ConditionReasons.InvalidSpec, message);
        status.Phase = "Failed";
        await WriteStatusAsync(cached, status, cancellationToken);
        return ReconcileResult.Terminal(message);
    }

    private async Task<ReconcileResult> ConflictAsync(CachedObject cached, StatusDraft status, IReadOnlyList<string> conflicts, CancellationToken cancellationToken)
    {
        var message = $"nothing applied: {string.Join("; ", conflicts)}; rename the service or data service, or remove the other owner";
        status.Set(AppConditions.Ready, ConditionSet.False, ConditionReasons.OwnershipConflict, message);
        status.Phase = "Failed";
        await WriteStatusAsync(cached, status, cancellationToken);
        return ReconcileResult.RequeueAfter(ConflictRetryInterval);
    }

    private async Task WriteStatusAsync(CachedObject cached, StatusDraft status, CancellationToken cancellationToken)
    {
        var (changed, readyChanged) = status.Finish(cached.Generation);
        if (readyChanged is { } ready)
        {
            var warning = ready.Status != ConditionSet.True && ready.Reason is not (AppConditions.DataServicesNotReady or AppConditions.DependencyNotReady or AppConditions.WorkloadsNotReady);
            Record(cached, warning ? EventKind.Warning : EventKind.Normal, ready.Reason, ready.Message);
            LogStateChange(cached.Key.ToString(), ready.Reason, ready.Message);
        }
        if (!changed)
        {
            return;
        }
        var update = status.Current.DeepClone().AsObject();
        update["status"] = status.Computed.DeepClone();
        await _client.UpdateStatusAsync(AppResourceTypes.AppPlatforms, update, cancellationToken: cancellationToken);
    }

    /// <summary>The URL users reach the application at: the declared host, or the load balancer's name once it has one.</summary>
    private static string? Url(AppPlatform app, Dictionary<(ResourceType, string), JsonObject> owned)
    {
        if (IngressBuilder.Url(app) is { } declared)
        {
            return declared;
        }
        var balancer = owned.GetValueOrDefault((AppResourceTypes.Ingresses, app.Metadata.Name!))?["status"]?["loadBalancer"]?["ingress"]?[0];
        var address = balancer?["hostname"]?.GetValue<string>() ?? balancer?["ip"]?.GetValue<string>();
        return address is null ? null : $"http://{address}";
    }

    private static bool IsServiceObject(JsonObject obj, AppPlatform app, AppService service) =>
        obj["metadata"]?["labels"]?[Builders.Manifest.InstanceLabel]?.GetValue<string>() == $"{app.Metadata.Name}-{service.Name}";

    private static string NameOf(JsonObject obj) => obj["metadata"]!["name"]!.GetValue<string>();

    private void Record(CachedObject cached, EventKind kind, string reason, string message) =>
        _events.Record(EventTarget.Of(AppResourceTypes.AppPlatforms, cached), kind, reason, message);

    [LoggerMessage(Level = LogLevel.Information, Message = "AppPlatform {Key} is now {Reason}: {Detail}")]
    private partial void LogStateChange(string key, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "deleting {Kind} {Namespace}/{Name}: no longer part of its AppPlatform")]
    private partial void LogPruned(string kind, string @namespace, string name);
}
