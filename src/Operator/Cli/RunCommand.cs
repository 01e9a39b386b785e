using Skyforge.Operator.Hosting;

namespace Skyforge.Operator.Cli;

/// <summary>`skyforge run [FLAGS]`: hosts every controller module until SIGTERM or SIGINT.</summary>
internal static class RunCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        OperatorRunner.RunAsync(args, Environment.GetEnvironmentVariable, stdout, stderr, OperatorModules.All, configureLogging: null, cancellationToken);
}
