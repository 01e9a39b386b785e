using System.Text;
using System.Threading.Channels;
using Skyforge.Operator.IntegrationTests.ApiServer;
using Skyforge.TestKit.Cli;

namespace Skyforge.Operator.IntegrationTests.Workloads;

/// <summary><c>serve --simulate-workloads</c> as kubectl sees it: rollouts finish and Jobs complete.</summary>
public sealed class ServeSimulateWorkloadsTests : IDisposable
{
    private const string Manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: migrate
                image: busybox:1.36
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("skyforge-simulate-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Kubectl_sees_deployments_roll_out_and_jobs_complete()
    {
        var kubeconfig = Path.Combine(_directory.FullName, "kubeconfig");
        var output = new ReadyLineWriter();
        using var stop = new CancellationTokenSource();
        var serving = CommandDispatcher.RunAsync(
            ["serve", "--port", "0", "--tls", "--kubeconfig-out", kubeconfig, "--simulate-workloads"], output, TextWriter.Null, stop.Token);
        try
        {
            await output.ReadyAsync();
            using var kubectl = new Kubectl(kubeconfig);
            var manifest = kubectl.WriteFile("app.yaml", Manifests);

            var applied = await kubectl.RunAsync("apply", "-f", manifest);
            var rollout = await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=20s");
            var wait = await kubectl.RunAsync("wait", "--for=condition=complete", "job/migrate", "--timeout=20s");

            Assert.Contains("deployment.apps/web created", applied.Expect(), StringComparison.Ordinal);
            Assert.Contains("successfully rolled out", rollout.Expect(), StringComparison.Ordinal);
            Assert.Contains("job.batch/migrate condition met", wait.Expect(), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }
        Assert.Equal(0, await serving);
    }

    /// <summary>Captures the command's output until the <c>ready</c> line.</summary>
    private sealed class ReadyLineWriter : TextWriter
    {
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value != '\n')
                {
                    _line.Append(value);
                    return;
                }
                _lines.Writer.TryWrite(_line.ToString());
                _line.Clear();
            }
        }

        public async Task ReadyAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!(await _lines.Reader.ReadAsync(timeout.Token)).StartsWith("ready ", StringComparison.Ordinal))
            {
            }
        }
    }
}
