using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.IntegrationTests.DataServices.Cache;

/// <summary>
/// The in-cluster cache's configuration and start script on a real redis-server (Debian's package): the
/// eviction policy is in force and AUTH is required. Only what differs on a test machine (port, data
/// directory, loopback) is overridden.
/// </summary>
public sealed class RedisConfigurationEngineTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("skyforge-redis-").FullName;
    private readonly int _port = FreePort();
    private readonly string _password = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private readonly System.Text.StringBuilder _output = new();
    private Process? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_start_script_runs_redis_with_the_eviction_policy_and_auth_required()
    {
        var spec = JsonSerializer.Deserialize<ManagedCacheSpec>("""{"engine":"redis","provider":"inCluster","evictionPolicy":"volatile-ttl","resources":{"memory":"64Mi"}}""", SkyforgeJson.Options)!;
        var builderConfig = Path.Combine(_directory, "redis.conf");
        var runtimeConfig = Path.Combine(_directory, "runtime.conf");
        var wrapper = Path.Combine(_directory, "test.conf");
        // redis-server changes into its data directory while parsing, so the pod's /data becomes the test's directory before it starts.
        var serverConfig = RedisConfiguration.ServerConfig(spec, runtimeConfig);
        Assert.Contains("\ndir /data\n", serverConfig, StringComparison.Ordinal);
        await File.WriteAllTextAsync(builderConfig, serverConfig.Replace("\ndir /data\n", $"\ndir {_directory}\n", StringComparison.Ordinal));
        await File.WriteAllTextAsync(wrapper, $"include {builderConfig}\nbind 127.0.0.1\nport {_port}\n");

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(string.Join('\n', RedisConfiguration.StartScript(wrapper, runtimeConfig)));
        start.Environment["REDIS_PASSWORD"] = _password;
        start.Environment["HOSTNAME"] = "sessions-0";
        start.Environment["PRIMARY_HOST"] = "sessions-0.sessions-headless.dev.svc";
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, line) => Record(line.Data);
        _server.ErrorDataReceived += (_, line) => Record(line.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var unauthenticated = await PollAsync(() => CliAsync(password: null, "PING"), output => output.Contains("NOAUTH", StringComparison.Ordinal), "redis-server to answer and demand AUTH");
        Assert.DoesNotContain("PONG", unauthenticated, StringComparison.Ordinal);
        Assert.Equal("PONG", (await CliAsync(_password, "PING")).Trim());
        Assert.Equal(["maxmemory-policy", "volatile-ttl"], (await CliAsync(_password, "CONFIG", "GET", "maxmemory-policy")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(["maxmemory", (64L * 1024 * 1024 * 3 / 4).ToString(System.Globalization.CultureInfo.InvariantCulture)], (await CliAsync(_password, "CONFIG", "GET", "maxmemory")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("master", (await CliAsync(_password, "ROLE")).Split('\n', StringSplitOptions.TrimEntries)[0]);
        Assert.Contains("wrong", await CliAsync("not-the-password", "PING"), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>redis-cli as the probe runs it: the password from REDISCLI_AUTH, never on the command line.</summary>
    private async Task<string> CliAsync(string? password, params string[] command)
    {
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. command])
        {
            start.ArgumentList.Add(argument);
        }
        if (password is not null)
        {
            start.Environment["REDISCLI_AUTH"] = password;
        }
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return await output + await error;
    }

    private async Task<string> PollAsync(Func<Task<string>> probe, Func<string, bool> condition, string description)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }
            if (_server!.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                string output;
                lock (_output)
                {
                    output = _output.ToString();
                }
                throw new TimeoutException($"never saw {description}; last answer: {value}\nredis-server:\n{output}");
            }
            await Task.Delay(100);
        }
    }

    private void Record(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
