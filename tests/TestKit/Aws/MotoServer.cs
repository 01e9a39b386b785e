using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Skyforge.TestKit.Aws;

/// <summary>
/// moto (the Python AWS emulator) as a child process on 127.0.0.1, started through <c>python3 -m skyforge_moto</c>,
/// which registers the operations moto 5.2 lacks and then runs <c>moto.server</c>. Stopped by its process id.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    private const int OutputLimit = 64 * 1024;

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly HttpClient _http;

    private MotoServer(Process process, StringBuilder output, Uri endpoint)
    {
        _process = process;
        _output = output;
        Endpoint = endpoint;
        _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    public int ProcessId => _process.Id;

    /// <summary>What moto printed so far (bounded), for diagnosing failures.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <exception cref="InvalidOperationException">python3 or moto is missing, or moto did not answer in time.</exception>
    public static async Task<MotoServer> StartAsync(MotoServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MotoServerOptions();
        if (!Directory.Exists(Path.Combine(options.ExtensionsDirectory, "skyforge_moto")))
        {
            throw new InvalidOperationException($"The skyforge_moto extension is missing under {options.ExtensionsDirectory}.");
        }
        var port = FreePort();
        var start = new ProcessStartInfo(options.PythonExecutable)
        {
            ArgumentList = { "-m", "skyforge_moto", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = options.ExtensionsDirectory;
        start.Environment["PYTHONUNBUFFERED"] = "1";
        start.Environment["SKYFORGE_MOTO_TRANSITION_SECONDS"] = options.TransitionDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{options.PythonExecutable} did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Cannot run {options.PythonExecutable}: install Python 3 with moto (pip install 'moto[server]').", exception);
        }
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new MotoServer(process, output, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilReadyAsync(options.StartupTimeout, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Clears every backend (moto's <c>/moto-api/reset</c>), including the extensions' state.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync("moto-api/reset", content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"moto exited with code {_process.ExitCode} before answering; is moto installed for {_process.StartInfo.FileName}? Output:\n{Output}");
            }
            try
            {
                using var response = await _http.GetAsync("moto-api/data.json", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException($"moto did not answer within {timeout}. Output:\n{Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            if (output.Length < OutputLimit)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
