using System.Globalization;

namespace Skyforge.RuntimeBench;

/// <summary>The command line: <c>[--objects N] [--keys N] [--runs N] [--idle-seconds N] [--tls]</c>.</summary>
internal sealed record BenchOptions
{
    public const string Usage = "usage: RuntimeBench [--objects 1000] [--keys 100000] [--runs 5] [--idle-seconds 60] [--tls]";

    /// <summary>Objects of one kind on the server: what the initial sync lists.</summary>
    public int Objects { get; init; } = 1000;

    /// <summary>Keys pushed through the work queue per throughput run.</summary>
    public int Keys { get; init; } = 100_000;

    /// <summary>Measured runs per figure (after one warm-up run).</summary>
    public int Runs { get; init; } = 5;

    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(60);

    public bool UseTls { get; init; }

    /// <exception cref="ArgumentException">An unknown option or a value that is not a positive number.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--objects" => options with { Objects = Positive(args, ++i) },
                "--keys" => options with { Keys = Positive(args, ++i) },
                "--runs" => options with { Runs = Positive(args, ++i) },
                "--idle-seconds" => options with { IdleWindow = TimeSpan.FromSeconds(Positive(args, ++i)) },
                "--tls" => options with { UseTls = true },
                var other => throw new ArgumentException($"unknown option \"{other}\""),
            };
        }
        return options;
    }

    private static int Positive(IReadOnlyList<string> args, int index)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"{args[index - 1]} needs a positive whole number");
        }
        return value;
    }
}
