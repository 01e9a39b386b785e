using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Crds.Validation;

internal static class SecretRules
{
    public static void Check(ManagedSecretSpec spec, string path, FieldErrors errors)
    {
        if (spec.RefreshInterval is { } interval && Durations.TryParse(interval, out var refresh) && refresh < TimeSpan.FromMinutes(1))
        {
            errors.Add($"{path}.refreshInterval", $"Invalid value: \"{interval}\": must be at least 1m so Secrets Manager is not polled in a loop");
        }
    }
}
