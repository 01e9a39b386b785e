namespace Skyforge.Aws.Credentials;

/// <summary>
/// The environment variables Skyforge's own resolution reads (region, endpoints, web identity). Injected so that
/// tests can supply variables without changing the process environment.
/// </summary>
public sealed class AwsEnvironment
{
    private readonly Func<string, string?> _lookup;

    public AwsEnvironment(Func<string, string?> lookup)
    {
        _lookup = lookup;
    }

    public static AwsEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    public static AwsEnvironment FromValues(IReadOnlyDictionary<string, string> values) =>
        new(name => values.TryGetValue(name, out var value) ? value : null);

    /// <summary>The variable's value, or null when it is unset or blank.</summary>
    public string? Get(string name)
    {
        var value = _lookup(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
