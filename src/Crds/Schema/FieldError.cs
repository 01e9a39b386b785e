namespace Skyforge.Crds.Schema;

/// <summary>One validation failure, rendered the way kubectl prints API server field errors.</summary>
/// <param name="Path">Field path such as <c>spec.services[1].name</c> or <c>metadata.labels[app]</c>.</param>
/// <param name="Message">Error body such as <c>Required value</c> or <c>Invalid value: 3: ...</c>.</param>
public sealed record FieldError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
