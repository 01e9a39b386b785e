using System.Globalization;
using System.Net;

namespace Skyforge.Operator.Hosting.Settings;

/// <summary>
/// Where an HTTP listener binds, written <c>[HOST]:PORT</c> as in Go operators: <c>:8080</c> (every interface),
/// <c>127.0.0.1:0</c> (loopback, any free port), <c>[::1]:8081</c>, <c>localhost:9090</c>.
/// </summary>
/// <param name="Address">Null binds every interface (IPv6 and IPv4 where available); <c>localhost</c> means 127.0.0.1.</param>
public sealed record ListenAddress(IPAddress? Address, int Port)
{
    /// <exception cref="FormatException">Not <c>[HOST]:PORT</c> with an IP address or <c>localhost</c>.</exception>
    public static ListenAddress Parse(string text)
    {
        var separator = text.LastIndexOf(':');
        if (separator < 0)
        {
            throw Invalid(text);
        }
        var host = text[..separator];
        if (!int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw Invalid(text);
        }
        if (host.Length == 0)
        {
            return new ListenAddress(null, port);
        }
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ListenAddress(IPAddress.Loopback, port);
        }
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':'))
        {
            // An IPv6 address needs brackets, otherwise its last group would read as the port.
            throw Invalid(text);
        }
        return IPAddress.TryParse(host, out var address) ? new ListenAddress(address, port) : throw Invalid(text);
    }

    private static FormatException Invalid(string text) =>
        new($"\"{text}\" is not a listen address (use [HOST]:PORT with an IP address or localhost, e.g. :8080 or 127.0.0.1:8080)");
}
