using System.Runtime.InteropServices;
using Skyforge.RuntimeBench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

Console.WriteLine($"Skyforge runtime benchmark: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");
Console.WriteLine($"TestKit API server in-process over {(options.UseTls ? "HTTPS" : "HTTP")} on 127.0.0.1; objects {options.Objects:N0}, keys {options.Keys:N0}, runs {options.Runs}, idle window {options.IdleWindow.TotalSeconds:0} s");

await using var cluster = await BenchCluster.StartAsync(options.UseTls);
await cluster.SeedConfigMapsAsync(options.Objects);

var rows = new List<Measurement> { await InitialSyncBenchmark.RunAsync(cluster, options) };
rows.AddRange(await ReconcileThroughputBenchmark.RunAsync(cluster, options));
rows.AddRange(await IdleWatchBenchmark.RunAsync(cluster, options));

Console.WriteLine();
Console.WriteLine("| Measurement | Result | Detail |");
Console.WriteLine("|---|---|---|");
foreach (var row in rows)
{
    Console.WriteLine($"| {row.Name} | {row.Result} | {row.Detail} |");
}
return 0;
