using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Crds.Validation;

internal static class AppPlatformRules
{
    public static void Check(AppPlatformSpec spec, string path, FieldErrors errors)
    {
        CheckComposedNames(spec, path, errors);
        CheckComposedSpecs(spec, path, errors);
        var services = spec.Services ?? [];
        var routes = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodePorts = new Dictionary<int, int>();
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            var at = $"{path}.services[{i}]";
            if (service.Route is { } route)
            {
                var key = $"{route.PathType ?? PathType.Prefix}:{route.Path}";
                if (routes.TryGetValue(key, out var other))
                {
                    errors.Add($"{at}.route.path", $"Duplicate value: \"{route.Path}\": already routed to {path}.services[{other}] ({services[other].Name})");
                }
                else
                {
                    routes[key] = i;
                }
            }
            if (service.NodePort is { } nodePort)
            {
                if (nodePorts.TryGetValue(nodePort, out var other))
                {
                    errors.Add($"{at}.nodePort", $"Duplicate value: {nodePort}: already used by {path}.services[{other}] ({services[other].Name})");
                }
                else
                {
                    nodePorts[nodePort] = i;
                }
            }
            CheckUses(spec, service, at, errors);
            CheckRollout(service, at, errors);
        }
    }

    private static void CheckComposedNames(AppPlatformSpec spec, string path, FieldErrors errors)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        void Claim(string name, string at)
        {
            if (seen.TryGetValue(name, out var first))
            {
                errors.Add($"{at}.name", $"Duplicate value: \"{name}\": also the name of {first}; names must be unique across services and data services because their Services and Secrets share the namespace");
            }
            else
            {
                seen[name] = at;
            }
        }
        var services = spec.Services ?? [];
        for (var i = 0; i < services.Count; i++)
        {
            Claim(services[i].Name, $"{path}.services[{i}]");
        }
        ClaimAll(spec.Databases, "databases");
        ClaimAll(spec.Caches, "caches");
        ClaimAll(spec.MessageBuses, "messageBuses");
        ClaimAll(spec.Secrets, "secrets");

        void ClaimAll<T>(List<ComposedResource<T>>? items, string field)
            where T : class
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                Claim(items![i].Name, $"{path}.{field}[{i}]");
            }
        }
    }

    private static void CheckComposedSpecs(AppPlatformSpec spec, string path, FieldErrors errors)
    {
        for (var i = 0; i < (spec.Databases?.Count ?? 0); i++)
        {
            DatabaseRules.Check(spec.Databases![i].Spec, $"{path}.databases[{i}].spec", errors);
        }
        for (var i = 0; i < (spec.Caches?.Count ?? 0); i++)
        {
            CacheRules.Check(spec.Caches![i].Spec, $"{path}.caches[{i}].spec", errors);
        }
        for (var i = 0; i < (spec.MessageBuses?.Count ?? 0); i++)
        {
            BusRules.Check(spec.MessageBuses![i].Spec, $"{path}.messageBuses[{i}].spec", errors);
        }
        for (var i = 0; i < (spec.Secrets?.Count ?? 0); i++)
        {
            SecretRules.Check(spec.Secrets![i].Spec, $"{path}.secrets[{i}].spec", errors);
        }
    }

    private static void CheckUses(AppPlatformSpec spec, AppService service, string at, FieldErrors errors)
    {
        var injected = new Dictionary<string, int>(StringComparer.Ordinal);
        var uses = service.Uses ?? [];
        for (var j = 0; j < uses.Count; j++)
        {
            var use = uses[j];
            var usePath = $"{at}.uses[{j}]";
            IReadOnlyList<string> keys;
            string name;
            if (use.Database is { } database)
            {
                name = database;
                var target = spec.Databases?.Find(d => d.Name == database);
                if (target is null)
                {
                    errors.Add($"{usePath}.database", $"Not found: \"{database}\": no database of that name in spec.databases");
                    continue;
                }
                keys = [.. ConnectionSecretKeys.For(target.Spec).Always, .. ConnectionSecretKeys.For(target.Spec).Sometimes];
            }
            else if (use.Cache is { } cache)
            {
                name = cache;
                var target = spec.Caches?.Find(c => c.Name == cache);
                if (target is null)
                {
                    errors.Add($"{usePath}.cache", $"Not found: \"{cache}\": no cache of that name in spec.caches");
                    continue;
                }
                keys = [.. ConnectionSecretKeys.For(target.Spec).Always, .. ConnectionSecretKeys.For(target.Spec).Sometimes];
            }
            else if (use.MessageBus is { } bus)
            {
                name = bus;
                var target = spec.MessageBuses?.Find(b => b.Name == bus);
                if (target is null)
                {
                    errors.Add($"{usePath}.messageBus", $"Not found: \"{bus}\": no message bus of that name in spec.messageBuses");
                    continue;
                }
                keys = [.. ConnectionSecretKeys.For(target.Spec).Always, .. ConnectionSecretKeys.For(target.Spec).Sometimes];
            }
            else if (use.Secret is { } secret)
            {
                name = secret;
                var target = spec.Secrets?.Find(s => s.Name == secret);
                if (target is null)
                {
                    errors.Add($"{usePath}.secret", $"Not found: \"{secret}\": no secret of that name in spec.secrets");
                    continue;
                }
                keys = target.Spec.Source.Generate?.Keys ?? [];
            }
            else
            {
                continue;
            }

            var prefix = use.EnvPrefix ?? ConnectionSecretKeys.DefaultPrefix(name);
            foreach (var key in keys)
            {
                var variable = ConnectionSecretKeys.EnvName(prefix, key);
                if (injected.TryGetValue(variable, out var other))
                {
                    errors.Add($"{usePath}.envPrefix", $"Duplicate value: \"{prefix}\": {variable} is also injected by {at}.uses[{other}]; set a different envPrefix");
                    break;
                }
                injected[variable] = j;
            }
        }

        var env = service.Env ?? [];
        for (var k = 0; k < env.Count; k++)
        {
            if (injected.TryGetValue(env[k].Name, out var use))
            {
                errors.Add($"{at}.env[{k}].name", $"Duplicate value: \"{env[k].Name}\": also injected by {at}.uses[{use}]");
            }
        }
    }

    private static void CheckRollout(AppService service, string at, FieldErrors errors)
    {
        var rollout = service.Rollout;
        if (rollout is null)
        {
            return;
        }
        var strategy = rollout.Strategy ?? RolloutStrategy.RollingUpdate;
        if (strategy != RolloutStrategy.RollingUpdate && service.Kind == ServiceKind.Worker)
        {
            errors.Add($"{at}.rollout.strategy", $"Unsupported value: \"{strategy}\": a worker has no Service to switch or split; use RollingUpdate");
        }
        var surge = ParseIntOrPercent(rollout.MaxSurge, $"{at}.rollout.maxSurge", errors);
        var unavailable = ParseIntOrPercent(rollout.MaxUnavailable, $"{at}.rollout.maxUnavailable", errors);
        if (surge == 0 && unavailable == 0)
        {
            errors.Add($"{at}.rollout.maxUnavailable", "Invalid value: 0: may not be 0 when maxSurge is 0");
        }
        if (strategy != RolloutStrategy.RollingUpdate && (rollout.MaxSurge is not null || rollout.MaxUnavailable is not null))
        {
            errors.Add($"{at}.rollout.maxSurge", $"Forbidden: maxSurge and maxUnavailable apply to strategy RollingUpdate, not {strategy}");
        }
        var steps = rollout.Canary?.Steps ?? [];
        for (var s = 1; s < steps.Count; s++)
        {
            if (steps[s].Weight < steps[s - 1].Weight)
            {
                errors.Add($"{at}.rollout.canary.steps[{s}].weight", $"Invalid value: {steps[s].Weight}: must be >= the previous step's weight ({steps[s - 1].Weight})");
            }
        }
    }

    /// <summary>Parses an int-or-percent value; returns null when absent or invalid.</summary>
    private static int? ParseIntOrPercent(JsonNode? value, string path, FieldErrors errors)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonValue number when number.TryGetValue<long>(out var count):
                if (count < 0)
                {
                    errors.Add(path, $"Invalid value: {count}: must be >= 0");
                    return null;
                }
                return (int)Math.Min(count, int.MaxValue);
            case JsonValue text when text.TryGetValue<string>(out var percent):
                if (percent.EndsWith('%') && int.TryParse(percent.AsSpan(0, percent.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var share) && share <= 100)
                {
                    return share;
                }
                errors.Add(path, $"Invalid value: \"{percent}\": must be an integer or a percentage between 0% and 100%");
                return null;
            default:
                errors.Add(path, $"Invalid value: {value.ToJsonString()}: must be an integer or a percentage");
                return null;
        }
    }
}
