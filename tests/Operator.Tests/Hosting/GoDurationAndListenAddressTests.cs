using System.Net;
using Skyforge.Operator.Hosting.Settings;

namespace Skyforge.Operator.Tests.Hosting;

public sealed class GoDurationAndListenAddressTests
{
    [Theory]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("90s", 90_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("250ms", 250)]
    [InlineData("2m30s", 150_000)]
    public void Durations_read_like_go_durations(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GoDuration.Parse(text));

    [Theory]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("10 minutes")]
    [InlineData("1d")]
    [InlineData("")]
    public void Malformed_durations_are_rejected(string text) => Assert.Throws<FormatException>(() => GoDuration.Parse(text));

    [Theory]
    [InlineData(600_000, "10m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(90_500, "1m30s500ms")]
    [InlineData(0, "0s")]
    public void Durations_are_written_back_in_the_same_notation(long milliseconds, string text) =>
        Assert.Equal(text, GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Listen_addresses_accept_any_interface_ipv4_ipv6_and_localhost()
    {
        Assert.Equal(new ListenAddress(null, 8080), ListenAddress.Parse(":8080"));
        Assert.Equal(new ListenAddress(IPAddress.Any, 8080), ListenAddress.Parse("0.0.0.0:8080"));
        Assert.Equal(new ListenAddress(IPAddress.Loopback, 0), ListenAddress.Parse("127.0.0.1:0"));
        Assert.Equal(new ListenAddress(IPAddress.IPv6Loopback, 8081), ListenAddress.Parse("[::1]:8081"));
        Assert.Equal(new ListenAddress(IPAddress.Loopback, 9090), ListenAddress.Parse("localhost:9090"));
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("::1:8080")]
    [InlineData("example.com:8080")]
    [InlineData(":70000")]
    [InlineData(":http")]
    public void Listen_addresses_need_an_ip_and_a_port(string text) => Assert.Throws<FormatException>(() => ListenAddress.Parse(text));
}
