using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>Writes runtime and client logs (Information and above) to the test's output, so a failed scenario shows what happened.</summary>
/// <param name="source">Prefixes every line, telling apart the operator instances of one test.</param>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output, string source) : ILoggerProvider
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static ILoggerFactory Factory(ITestOutputHelper output, string source = "test") =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(new TestOutputLoggerProvider(output, source)));

    public ILogger CreateLogger(string categoryName) => new OutputLogger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        try
        {
            output.WriteLine($"{Clock.Elapsed.TotalSeconds,8:0.000} [{source}] {line}");
        }
        catch (InvalidOperationException)
        {
            // Background work that outlives its test has nowhere to write.
        }
    }

    private sealed class OutputLogger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var problem = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            provider.Write($"{logLevel,-11} {category}: {formatter(state, exception)}{problem}");
        }
    }
}
