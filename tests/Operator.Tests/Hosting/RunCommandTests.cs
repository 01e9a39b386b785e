using Skyforge.Operator.Cli;

namespace Skyforge.Operator.Tests.Hosting;

public sealed class RunCommandTests
{
    [Fact]
    public async Task An_unknown_flag_exits_2_with_the_flag_named()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await RunCommand.RunAsync(["--metrics-address", ":9090"], stdout, stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("skyforge run: unknown flag --metrics-address", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task Help_prints_the_flags_and_exits_0()
    {
        var stdout = new StringWriter();

        var exit = await RunCommand.RunAsync(["--help"], stdout, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.StartsWith("usage: skyforge run [FLAGS]", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("--drift-interval DURATION", stdout.ToString(), StringComparison.Ordinal);
    }
}
