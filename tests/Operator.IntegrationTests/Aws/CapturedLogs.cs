namespace Skyforge.Operator.IntegrationTests.Aws;

/// <summary>Every log line written through <see cref="CapturingLoggerProvider"/>, with exceptions rendered in full.</summary>
public sealed class CapturedLogs
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
        }
    }
}
