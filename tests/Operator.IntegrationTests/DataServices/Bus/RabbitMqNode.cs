using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Skyforge.Operator.IntegrationTests.DataServices.Bus;

/// <summary>
/// A throwaway rabbitmq-server (Debian's package) with the management plugin, on free loopback ports and a
/// private data directory, so tests can send it the management API calls the queues Job makes.
/// </summary>
internal sealed class RabbitMqNode : IAsyncDisposable
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string User = "skyforge";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private RabbitMqNode(Process process, string directory, HttpClient management)
    {
        _process = process;
        _directory = directory;
        Management = management;
    }

    /// <summary>A client for the management API, authenticated as <see cref="User"/>.</summary>
    public HttpClient Management { get; }

    public static async Task<RabbitMqNode> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("skyforge-rabbitmq-").FullName;
        var (amqpPort, managementPort, distributionPort) = (FreePort(), FreePort(), FreePort());
        var password = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[rabbitmq_management].");
        await File.WriteAllLinesAsync(Path.Combine(directory, "rabbitmq.conf"),
        [
            $"listeners.tcp.default = 127.0.0.1:{amqpPort}",
            "management.tcp.ip = 127.0.0.1",
            $"management.tcp.port = {managementPort}",
            $"default_user = {User}",
            $"default_pass = {password}",
        ]);
        var start = new ProcessStartInfo(ServerScript) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.Environment["HOME"] = directory;
        start.Environment["RABBITMQ_NODENAME"] = $"skyforge-{Guid.NewGuid():N}@localhost";
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
        start.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf");
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
        start.Environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_PID_FILE"] = Path.Combine(directory, "pid");
        var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{password}")));
        var node = new RabbitMqNode(process, directory, management);
        process.OutputDataReceived += (_, line) => node.Record(line.Data);
        process.ErrorDataReceived += (_, line) => node.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilServingAsync();
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void Record(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await Management.GetAsync("/api/overview");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                string output;
                lock (_output)
                {
                    output = _output.ToString();
                }
                await DisposeAsync();
                throw new TimeoutException($"rabbitmq-server never served the management API:\n{output}");
            }
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
