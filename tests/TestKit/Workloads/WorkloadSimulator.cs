using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.ApiServer.Operations;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.Workloads;

/// <summary>
/// A simulation — not a controller manager — of the Deployment, StatefulSet and Job controllers, reduced to
/// the status they write: each workload is Ready (Jobs complete), Progressing, Failed or left on Hold, as the
/// test scripts it with <see cref="Script"/>. A new or changed pod template starts a simulated rollout: the
/// status first reports Progressing (with <c>observedGeneration</c> caught up), then the scripted outcome once
/// <see cref="WorkloadSimulatorOptions.RolloutDelay"/> has passed on the simulator's clock. Other spec changes
/// (e.g. replicas) go straight to the outcome for the new generation.
/// Status is written in-process through the server's status subresource (field manager
/// <see cref="FieldManager"/>), so watches see MODIFIED events while the HTTP request log and fault injection
/// only ever concern real clients.
/// </summary>
public sealed class WorkloadSimulator : IAsyncDisposable
{
    /// <summary>The field manager (and user agent) of every status write the simulator makes.</summary>
    public const string FieldManager = "skyforge-workload-simulator";

    private static readonly Dictionary<StorageKey, (WorkloadKind Kind, ResourceType Type)> Workloads =
        BuiltInResourceTypes.All
            .Where(t => t.Key == new StorageKey("apps", "deployments") || t.Key == new StorageKey("apps", "statefulsets") || t.Key == new StorageKey("batch", "jobs"))
            .ToDictionary(t => t.Key, t => (t.Kind switch
            {
                "Deployment" => WorkloadKind.Deployment,
                "StatefulSet" => WorkloadKind.StatefulSet,
                _ => WorkloadKind.Job,
            }, t));

    private readonly ObjectStore _store;
    private readonly ResourceOperations _operations;
    private readonly WorkloadSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<WorkItem> _work = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<(WorkloadMatch Match, WorkloadBehavior Behavior)> _rules = [];
    private readonly Dictionary<string, RolloutState> _rollouts = [];
    private readonly List<(long Target, TaskCompletionSource Done)> _settleWaiters = [];
    private long _requested;
    private long _handled;
    private Task _loop = Task.CompletedTask;
    private bool _disposed;

    private WorkloadSimulator(ObjectStore store, ResourceOperations operations, WorkloadSimulatorOptions options, TimeProvider time)
    {
        _store = store;
        _operations = operations;
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Starts simulating the workload controllers on <paramref name="server"/>: existing workloads are handled at
    /// once, later ones as they are written. The simulator stops when disposed or when the server is.
    /// </summary>
    public static WorkloadSimulator Attach(TestApiServer server, WorkloadSimulatorOptions? options = null)
    {
        options ??= new WorkloadSimulatorOptions();
        var simulator = new WorkloadSimulator(server.ObjectStore, server.Operations, options, options.TimeProvider ?? server.TimeProvider);
        server.DisposeWithServer(simulator);
        simulator.Start();
        return simulator;
    }

    /// <summary>
    /// Scripts <paramref name="behavior"/> for the workloads <paramref name="match"/> selects; the rule scripted
    /// last wins over earlier ones, and unmatched workloads follow <see cref="WorkloadSimulatorOptions.DefaultBehavior"/>.
    /// Every workload is re-evaluated at once. Dispose the result to remove the rule again.
    /// </summary>
    public IDisposable Script(WorkloadMatch match, WorkloadBehavior behavior)
    {
        var rule = (match, behavior);
        lock (_gate)
        {
            _rules.Add(rule);
        }
        Enqueue(WorkItem.Everything);
        return new RuleRegistration(() =>
        {
            lock (_gate)
            {
                _rules.Remove(rule);
            }
            Enqueue(WorkItem.Everything);
        });
    }

    /// <summary>
    /// Completes once every change and rule made before the call has been handled (a rollout still waiting for
    /// its <see cref="WorkloadSimulatorOptions.RolloutDelay"/> has then reported Progressing).
    /// </summary>
    public Task SettleAsync()
    {
        lock (_gate)
        {
            if (_handled >= _requested)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _settleWaiters.Add((_requested, done));
            return done.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _store.Committed -= OnCommitted;
        _work.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        _stop.Dispose();
        lock (_gate)
        {
            foreach (var rollout in _rollouts.Values)
            {
                rollout.Timer?.Dispose();
            }
            foreach (var (_, done) in _settleWaiters)
            {
                done.TrySetCanceled();
            }
            _settleWaiters.Clear();
        }
    }

    private void Start()
    {
        _store.Committed += OnCommitted;
        Enqueue(WorkItem.Everything);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    private void OnCommitted(StoredEvent stored)
    {
        if (!Workloads.ContainsKey(stored.Key) || !NeedsAttention(stored))
        {
            return;
        }
        Enqueue(new WorkItem(stored.Key, JsonTree.Namespace(stored.Object), JsonTree.Name(stored.Object)));
    }

    /// <summary>Spec (generation), label and deletion changes matter; status-only writes, including our own, do not.</summary>
    private static bool NeedsAttention(StoredEvent stored) =>
        stored.Type != ChangeType.Modified
        || stored.Previous is null
        || WorkloadSpec.Generation(stored.Object) != WorkloadSpec.Generation(stored.Previous)
        || !JsonNode.DeepEquals(stored.Object["metadata"]?["labels"], stored.Previous["metadata"]?["labels"])
        || JsonTree.IsDeleting(stored.Object) != JsonTree.IsDeleting(stored.Previous);

    private void Enqueue(WorkItem item)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _requested++;
        }
        _work.Writer.TryWrite(item);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _work.Reader.ReadAllAsync(cancellationToken))
        {
            if (item.Key is { } key)
            {
                Reconcile(key, item.Namespace, item.Name);
            }
            else
            {
                foreach (var storage in Workloads.Keys)
                {
                    foreach (var workload in _store.List(storage))
                    {
                        Reconcile(storage, JsonTree.Namespace(workload), JsonTree.Name(workload));
                    }
                }
            }
            MarkHandled();
        }
    }

    private void MarkHandled()
    {
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            _handled++;
            ready = _settleWaiters.Where(w => w.Target <= _handled).Select(w => w.Done).ToList();
            _settleWaiters.RemoveAll(w => w.Target <= _handled);
        }
        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    private void Reconcile(StorageKey key, string ns, string name)
    {
        try
        {
            // Under the store lock, reading and writing see one state: no conflicts with concurrent clients.
            lock (_store.Gate)
            {
                ReconcileLocked(key, ns, name);
            }
        }
        catch (ApiServer.Errors.ApiException)
        {
            // The object went away or became unwritable in between; the next change wakes the simulator again.
        }
    }

    private void ReconcileLocked(StorageKey key, string ns, string name)
    {
        var (kind, type) = Workloads[key];
        var workload = _store.Get(key, ns, name);
        if (workload is null || JsonTree.IsDeleting(workload))
        {
            ForgetRemovedWorkloads();
            return;
        }
        var behavior = BehaviorFor(kind, workload);
        if (behavior.Mode == WorkloadMode.Hold || (kind == WorkloadKind.Job && JobStatusSimulation.IsFinished(workload)))
        {
            return;
        }
        var rollout = RolloutFor(workload);
        if (!rollout.StartReported)
        {
            workload = WriteStatus(type, kind, workload, SimulatedPhase.RolloutStarted, behavior, rollout);
            rollout.StartReported = true;
        }
        var due = rollout.StartedAt + _options.RolloutDelay;
        var now = _time.GetUtcNow();
        if (now < due)
        {
            WriteStatus(type, kind, workload, SimulatedPhase.RolloutStarted, behavior, rollout);
            ScheduleWakeUp(rollout, key, ns, name, due - now);
            return;
        }
        var phase = behavior.Mode switch
        {
            WorkloadMode.Ready => SimulatedPhase.Ready,
            WorkloadMode.Failed => SimulatedPhase.Failed,
            _ => SimulatedPhase.Progressing,
        };
        WriteStatus(type, kind, workload, phase, behavior, rollout);
    }

    private WorkloadBehavior BehaviorFor(WorkloadKind kind, JsonObject workload)
    {
        lock (_gate)
        {
            for (var i = _rules.Count - 1; i >= 0; i--)
            {
                if (_rules[i].Match.Matches(kind, workload))
                {
                    return _rules[i].Behavior;
                }
            }
        }
        return _options.DefaultBehavior;
    }

    /// <summary>The current revision's rollout; a new pod template (or a new workload) starts a new one.</summary>
    private RolloutState RolloutFor(JsonObject workload)
    {
        var uid = JsonTree.Uid(workload);
        var template = workload["spec"]?["template"]?.ToJsonString() ?? "";
        lock (_gate)
        {
            _rollouts.TryGetValue(uid, out var current);
            if (current is not null && current.Template == template)
            {
                return current;
            }
            current?.Timer?.Dispose();
            var started = new RolloutState
            {
                Template = template,
                Revision = RevisionHash(template),
                PreviousRevision = current?.Revision,
                ReadyAtStart = WorkloadSpec.Int(workload["status"]?["readyReplicas"]) ?? 0,
                StartedAt = _time.GetUtcNow(),
            };
            _rollouts[uid] = started;
            return started;
        }
    }

    private void ScheduleWakeUp(RolloutState rollout, StorageKey key, string ns, string name, TimeSpan after)
    {
        lock (_gate)
        {
            if (rollout.Timer is null && !_disposed)
            {
                rollout.Timer = _time.CreateTimer(_ => Enqueue(new WorkItem(key, ns, name)), null, after, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void ForgetRemovedWorkloads()
    {
        var live = Workloads.Keys.SelectMany(k => _store.List(k)).Where(o => !JsonTree.IsDeleting(o)).Select(JsonTree.Uid).ToHashSet();
        lock (_gate)
        {
            foreach (var uid in _rollouts.Keys.Where(uid => !live.Contains(uid)).ToList())
            {
                _rollouts[uid].Timer?.Dispose();
                _rollouts.Remove(uid);
            }
        }
    }

    private JsonObject WriteStatus(ResourceType type, WorkloadKind kind, JsonObject workload, SimulatedPhase phase, WorkloadBehavior behavior, RolloutState rollout)
    {
        var now = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var status = kind switch
        {
            WorkloadKind.Deployment => DeploymentStatusSimulation.Build(workload, phase, behavior.ReadyReplicas, rollout, now),
            WorkloadKind.StatefulSet => StatefulSetStatusSimulation.Build(workload, phase, behavior.ReadyReplicas, rollout),
            _ => JobStatusSimulation.Build(workload, phase, behavior.ReadyReplicas, now),
        };
        if (JsonNode.DeepEquals(status, workload["status"]))
        {
            return workload;
        }
        var body = (JsonObject)workload.DeepClone();
        body["status"] = status;
        var written = _operations.Replace(type, JsonTree.Namespace(workload), JsonTree.Name(workload), "status", body,
            new WriteOptions(FieldManager: FieldManager, FieldValidation: FieldValidationMode.Ignore, UserAgent: FieldManager));
        return written.Body;
    }

    private static string RevisionHash(string template)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(template));
        return Convert.ToHexString(hash, 0, 5).ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>One workload to reconcile, or (with no key) all of them.</summary>
    private sealed record WorkItem(StorageKey? Key, string Namespace, string Name)
    {
        public static WorkItem Everything { get; } = new(null, "", "");
    }

    private sealed class RuleRegistration(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
