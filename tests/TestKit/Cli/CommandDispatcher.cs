namespace Skyforge.TestKit.Cli;

/// <summary>Routes <c>Skyforge.TestKit &lt;command&gt; [options]</c> to its command.</summary>
public static class CommandDispatcher
{
    private static readonly IReadOnlyList<ITestKitCommand> Commands = [new ServeCommand()];

    /// <returns>The process exit code: 0 success, 2 usage error, 1 failure.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var command = args.Length > 0 ? Commands.FirstOrDefault(c => c.Name == args[0]) : null;
        if (command is null)
        {
            await error.WriteLineAsync(args.Length == 0 ? "missing command" : $"unknown command \"{args[0]}\"");
            await error.WriteLineAsync("usage:");
            foreach (var known in Commands)
            {
                await error.WriteLineAsync("  " + known.Usage);
            }
            return 2;
        }
        return await command.RunAsync(args[1..], output, error, cancellationToken);
    }
}
