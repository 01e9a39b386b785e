using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>
/// A container's environment: the service's own variables, then every key of each used data
/// service's connection Secret as PREFIX_KEY through secretKeyRef, so no credential is ever copied
/// into the pod spec.
/// </summary>
public static class BindingEnvironment
{
    public static JsonArray Build(AppPlatformSpec spec, AppService service)
    {
        var env = new JsonArray();
        foreach (var variable in service.Env ?? [])
        {
            env.Add(UserVariable(variable));
        }
        foreach (var use in service.Uses ?? [])
        {
            foreach (var variable in Injected(spec, use))
            {
                env.Add(variable);
            }
        }
        return env;
    }

    /// <summary>The data services a service uses, by child name.</summary>
    public static IEnumerable<string> UsedNames(AppService service) =>
        (service.Uses ?? []).Select(u => u.Database ?? u.Cache ?? u.MessageBus ?? u.Secret).OfType<string>();

    private static IEnumerable<JsonObject> Injected(AppPlatformSpec spec, ServiceBinding use)
    {
        if (use.Database is { } databaseName && spec.Databases?.Find(d => d.Name == databaseName) is { } database)
        {
            var (always, sometimes) = ConnectionSecretKeys.For(database.Spec);
            return Keys(use, databaseName, AppNames.ConnectionSecret(databaseName, database.Spec.ConnectionSecretName), always, sometimes);
        }
        if (use.Cache is { } cacheName && spec.Caches?.Find(c => c.Name == cacheName) is { } cache)
        {
            var (always, sometimes) = ConnectionSecretKeys.For(cache.Spec);
            return Keys(use, cacheName, AppNames.ConnectionSecret(cacheName, cache.Spec.ConnectionSecretName), always, sometimes);
        }
        if (use.MessageBus is { } busName && spec.MessageBuses?.Find(b => b.Name == busName) is { } bus)
        {
            var (always, sometimes) = ConnectionSecretKeys.For(bus.Spec);
            return Keys(use, busName, AppNames.ConnectionSecret(busName, bus.Spec.ConnectionSecretName), always, sometimes);
        }
        if (use.Secret is { } secretName && spec.Secrets?.Find(s => s.Name == secretName) is { } secret)
        {
            // A synced AWS secret's keys are only known at runtime: those come in through envFrom.
            var keys = secret.Spec.Source.Generate is { } generate ? generate.Keys ?? ["value"] : [];
            return Keys(use, secretName, secret.Spec.TargetSecretName ?? secretName, keys, []);
        }
        return [];
    }

    /// <summary>envFrom entries for used secrets whose keys are not known in advance.</summary>
    public static JsonArray EnvFrom(AppPlatformSpec spec, AppService service)
    {
        var envFrom = new JsonArray();
        foreach (var use in service.Uses ?? [])
        {
            if (use.Secret is { } secretName && spec.Secrets?.Find(s => s.Name == secretName) is { Spec.Source.Generate: null } secret)
            {
                envFrom.Add(new JsonObject
                {
                    ["prefix"] = (use.EnvPrefix ?? ConnectionSecretKeys.DefaultPrefix(secretName)) + "_",
                    ["secretRef"] = new JsonObject { ["name"] = secret.Spec.TargetSecretName ?? secretName },
                });
            }
        }
        return envFrom;
    }

    private static IEnumerable<JsonObject> Keys(ServiceBinding use, string name, string secretName, IEnumerable<string> always, IEnumerable<string> sometimes)
    {
        var prefix = use.EnvPrefix ?? ConnectionSecretKeys.DefaultPrefix(name);
        foreach (var key in always)
        {
            yield return SecretKeyVariable(ConnectionSecretKeys.EnvName(prefix, key), secretName, key, optional: false);
        }
        foreach (var key in sometimes)
        {
            yield return SecretKeyVariable(ConnectionSecretKeys.EnvName(prefix, key), secretName, key, optional: true);
        }
    }

    private static JsonObject SecretKeyVariable(string name, string secretName, string key, bool optional)
    {
        var reference = new JsonObject { ["name"] = secretName, ["key"] = key };
        if (optional)
        {
            reference["optional"] = true;
        }
        return new JsonObject { ["name"] = name, ["valueFrom"] = new JsonObject { ["secretKeyRef"] = reference } };
    }

    private static JsonObject UserVariable(EnvVar variable)
    {
        if (variable.ValueFrom is null)
        {
            return new JsonObject { ["name"] = variable.Name, ["value"] = variable.Value ?? "" };
        }
        var (refName, reference) = variable.ValueFrom.SecretKeyRef is { } secretRef
            ? ("secretKeyRef", secretRef)
            : ("configMapKeyRef", variable.ValueFrom.ConfigMapKeyRef!);
        var selector = new JsonObject { ["name"] = reference.Name, ["key"] = reference.Key };
        if (reference.Optional is { } optional)
        {
            selector["optional"] = optional;
        }
        return new JsonObject { ["name"] = variable.Name, ["valueFrom"] = new JsonObject { [refName] = selector } };
    }
}
