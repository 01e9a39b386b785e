using Skyforge.Crds.Schema;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Crds.Validation;

/// <summary>
/// Rules the CRD schema cannot express (they span list items or depend on engine tables). They run
/// after schema validation and defaulting, in `skyforge validate/render` and in every reconcile.
/// </summary>
public static class SpecRules
{
    public static IReadOnlyList<FieldError> Check(ManagedDatabaseSpec spec, string path = "spec")
    {
        var errors = new FieldErrors();
        DatabaseRules.Check(spec, path, errors);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> Check(ManagedCacheSpec spec, string path = "spec")
    {
        var errors = new FieldErrors();
        CacheRules.Check(spec, path, errors);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> Check(MessageBusSpec spec, string path = "spec")
    {
        var errors = new FieldErrors();
        BusRules.Check(spec, path, errors);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> Check(ManagedSecretSpec spec, string path = "spec")
    {
        var errors = new FieldErrors();
        SecretRules.Check(spec, path, errors);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> Check(AppPlatformSpec spec, string path = "spec")
    {
        var errors = new FieldErrors();
        AppPlatformRules.Check(spec, path, errors);
        return errors.All;
    }
}
