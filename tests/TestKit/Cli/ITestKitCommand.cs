namespace Skyforge.TestKit.Cli;

/// <summary>One sub-command of the TestKit executable (<c>serve</c>, ...).</summary>
internal interface ITestKitCommand
{
    string Name { get; }

    /// <summary>One-line usage shown by the dispatcher.</summary>
    string Usage { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
