using Skyforge.Crds.Schema;

namespace Skyforge.Crds.Validation;

/// <summary>Collects semantic problems with their field paths.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public void Add(string path, string message) => _errors.Add(new FieldError(path, message));
}
