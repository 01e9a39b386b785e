using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Recording;

namespace Skyforge.TestKit.ApiServer.Faults;

/// <summary>
/// Failures the server injects on demand. Filters: <c>verb</c> is an RBAC verb (get, list, watch, create,
/// update, patch, delete, deletecollection), <c>resource</c> a plural such as <c>widgets</c> or
/// <c>widgets/status</c>; null matches anything.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FailureRule> _failures = [];
    private readonly List<ConflictRule> _conflicts = [];
    private readonly Action _dropWatches;
    private TimeSpan _latency;

    internal FaultInjector(Action dropWatches)
    {
        _dropWatches = dropWatches;
    }

    /// <summary>Delay added before every request is handled.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }
        set
        {
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with HTTP 500 InternalError.</summary>
    public void FailNext(int count, string? verb = null, string? resource = null) =>
        AddFailure(new FailureRule(count, 500, 0, verb, resource));

    /// <summary>Answers the next matching requests with HTTP 429 and <c>Retry-After</c>.</summary>
    public void ThrottleNext(int count, int retryAfterSeconds = 1, string? verb = null, string? resource = null) =>
        AddFailure(new FailureRule(count, 429, retryAfterSeconds, verb, resource));

    /// <summary>Answers the next matching requests with the given status (e.g. 503, 504).</summary>
    public void RespondNext(int count, int statusCode, string? verb = null, string? resource = null) =>
        AddFailure(new FailureRule(count, statusCode, 0, verb, resource));

    /// <summary>Makes the next <paramref name="count"/> updates (PUT, including /status) fail with 409 Conflict.</summary>
    public void ConflictOnNextUpdates(int count, string? resource = null)
    {
        lock (_gate)
        {
            _conflicts.Add(new ConflictRule(count, resource));
        }
    }

    /// <summary>Aborts every open watch connection, as a network failure or API server restart would.</summary>
    public void DropWatches() => _dropWatches();

    /// <summary>Removes every pending fault and the latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _failures.Clear();
            _conflicts.Clear();
            _latency = TimeSpan.Zero;
        }
    }

    internal ApiException? TakeFailure(RecordedRequest request)
    {
        lock (_gate)
        {
            var rule = _failures.FirstOrDefault(r => r.Remaining > 0 && Matches(r.Verb, r.Resource, request));
            if (rule is null)
            {
                return null;
            }
            rule.Remaining--;
            _failures.RemoveAll(r => r.Remaining <= 0);
            return rule.StatusCode == 429
                ? ApiErrors.TooManyRequests(rule.RetryAfterSeconds)
                : ApiErrors.FromStatusCode(rule.StatusCode, "injected fault");
        }
    }

    internal bool TakeConflict(RecordedRequest request)
    {
        lock (_gate)
        {
            var rule = _conflicts.FirstOrDefault(r => r.Remaining > 0 && Matches("update", r.Resource, request));
            if (rule is null)
            {
                return false;
            }
            rule.Remaining--;
            _conflicts.RemoveAll(r => r.Remaining <= 0);
            return true;
        }
    }

    private void AddFailure(FailureRule rule)
    {
        lock (_gate)
        {
            _failures.Add(rule);
        }
    }

    private static bool Matches(string? verb, string? resource, RecordedRequest request)
    {
        if (verb is not null && request.Verb != verb)
        {
            return false;
        }
        if (resource is null)
        {
            return true;
        }
        var full = request.Subresource.Length == 0 ? request.Resource : $"{request.Resource}/{request.Subresource}";
        return request.IsResourceRequest && resource == full;
    }

    private sealed class FailureRule(int remaining, int statusCode, int retryAfterSeconds, string? verb, string? resource)
    {
        public int Remaining { get; set; } = remaining;

        public int StatusCode { get; } = statusCode;

        public int RetryAfterSeconds { get; } = retryAfterSeconds;

        public string? Verb { get; } = verb;

        public string? Resource { get; } = resource;
    }

    private sealed class ConflictRule(int remaining, string? resource)
    {
        public int Remaining { get; set; } = remaining;

        public string? Resource { get; } = resource;
    }
}
