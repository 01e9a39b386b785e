using System.Globalization;

namespace Skyforge.Bench;

/// <summary>
/// The command line: how many resources of each kind, which AWS backend, and the idle window in which drift cycles
/// are counted.
/// </summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: Skyforge.Bench [--databases N] [--caches N] [--buses N] [--apps N] [--backend moto|stub] [--idle-seconds 60] " +
        "[--drift-seconds 20] [--ready-timeout-seconds 1800] [--operator PATH] [--operator-arg ARG]...";

    public int Databases { get; init; }

    public int Caches { get; init; }

    public int Buses { get; init; }

    public int Apps { get; init; }

    public AwsBackendKind Backend { get; init; } = AwsBackendKind.Moto;

    /// <summary>How long the operator is watched with nothing changing after every resource is Ready.</summary>
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The operator's <c>--drift-interval</c>: short, so that the idle window holds drift cycles.</summary>
    public TimeSpan DriftInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for every resource to become Ready before giving up (and reporting how far it got).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The operator executable to measure; null for the build output next to the harness. Set it to a
    /// <c>dotnet publish</c> output to measure the shipped artifact.
    /// </summary>
    public string? OperatorPath { get; init; }

    /// <summary>Extra arguments appended to the operator's <c>run</c> command line (client rate limits, workers).</summary>
    public IReadOnlyList<string> OperatorArguments { get; init; } = [];

    public int DataServices => Databases + Caches + Buses;

    /// <exception cref="ArgumentException">An unknown option, a bad number, or no resources at all.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--databases" => options with { Databases = Count(args, ++i) },
                "--caches" => options with { Caches = Count(args, ++i) },
                "--buses" => options with { Buses = Count(args, ++i) },
                "--apps" => options with { Apps = Count(args, ++i) },
                "--backend" => options with { Backend = BackendKind(args, ++i) },
                "--idle-seconds" => options with { IdleWindow = TimeSpan.FromSeconds(Positive(args, ++i)) },
                "--drift-seconds" => options with { DriftInterval = TimeSpan.FromSeconds(Positive(args, ++i)) },
                "--ready-timeout-seconds" => options with { ReadyTimeout = TimeSpan.FromSeconds(Positive(args, ++i)) },
                "--operator" => options with { OperatorPath = Value(args, ++i) },
                "--operator-arg" => options with { OperatorArguments = [.. options.OperatorArguments, Value(args, ++i)] },
                var other => throw new ArgumentException($"unknown option \"{other}\""),
            };
        }
        if (options.DataServices + options.Apps == 0)
        {
            throw new ArgumentException("nothing to measure: give at least one of --databases, --caches, --buses, --apps");
        }
        return options;
    }

    private static AwsBackendKind BackendKind(IReadOnlyList<string> args, int index) => Value(args, index) switch
    {
        "moto" => AwsBackendKind.Moto,
        "stub" => AwsBackendKind.Stub,
        var other => throw new ArgumentException($"--backend takes moto or stub, not \"{other}\""),
    };

    private static int Count(IReadOnlyList<string> args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a whole number");

    private static int Positive(IReadOnlyList<string> args, int index) =>
        Count(args, index) is > 0 and var value ? value : throw new ArgumentException($"{args[index - 1]} needs a positive whole number");

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value");
}
