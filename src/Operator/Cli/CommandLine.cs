namespace Skyforge.Operator.Cli;

/// <summary>Dispatches `skyforge COMMAND ...` to the command's implementation.</summary>
internal static class CommandLine
{
    private const string Usage = """
        usage: skyforge COMMAND [ARGS]

        commands:
          run [FLAGS]             run the operator's controllers (see: skyforge run --help)
          render FILE...          print every object and AWS call the operator would make (no cluster needed)
          validate FILE...        check manifests against the CRD schemas and Skyforge's rules
          generate-crds DIR       write the CustomResourceDefinitions
          aws-check [FLAGS]       resolve AWS credentials and region, call STS and one read per service
          version                 print the version
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return Task.FromResult(args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success);
        }
        var rest = args[1..];
        return args[0] switch
        {
            "run" => RunCommand.RunAsync(rest, stdout, stderr, cancellationToken),
            "render" => Task.FromResult(RenderCommand.Run(rest, stdout, stderr)),
            "validate" => Task.FromResult(ValidateCommand.Run(rest, stdout, stderr)),
            "generate-crds" => Task.FromResult(GenerateCrdsCommand.Run(rest, stdout, stderr)),
            "aws-check" => AwsCheckCommand.RunAsync(rest, stdout, stderr, cancellationToken),
            "version" => Task.FromResult(VersionCommand.Run(stdout)),
            _ => Task.FromResult(Unknown(args[0], stderr)),
        };
    }

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"skyforge: unknown command \"{command}\"");
        stderr.WriteLine(Usage);
        return ExitCodes.Usage;
    }
}
