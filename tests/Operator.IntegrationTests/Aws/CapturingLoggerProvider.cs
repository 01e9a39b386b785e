using Microsoft.Extensions.Logging;

namespace Skyforge.Operator.IntegrationTests.Aws;

/// <summary>Writes every log entry (message, structured state and exception) to <see cref="CapturedLogs"/>.</summary>
public sealed class CapturingLoggerProvider(CapturedLogs logs) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : string.Empty;
            logs.Add($"{logLevel} {category}: {formatter(state, exception)} [{structured}] {exception}");
        }
    }
}
