using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skyforge.Aws;
using Skyforge.Aws.Credentials;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.DependencyInjection;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Hosting;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Runtime.DependencyInjection;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>
/// What the scenario harnesses share: the operator composed the way `skyforge run` composes it (Kubernetes client,
/// runtime, AWS clients aimed at moto through the fault proxy, the given controller modules), and polling an object.
/// </summary>
internal static class ScenarioComposition
{
    public static void AddOperator(
        IServiceCollection services, string kubeconfig, MotoFixture moto, string region, CapturedLogs logs,
        IEnumerable<IOperatorModule> modules, Action<DataServicesOptions> configure)
    {
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new CapturingLoggerProvider(logs)));
        services.AddSkyforgeKubernetes(kubernetes =>
        {
            kubernetes.KubeConfigPath = kubeconfig;
            kubernetes.FieldManager = ManagedResourceReconciler<object>.FieldManager;
        });
        services.AddSkyforgeRuntime();
        services.AddSingleton(AwsEnvironment.FromValues(new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = moto.CredentialsFile }));
        services.AddSkyforgeAws(options =>
        {
            options.Region = region;
            options.Profile = MotoFixture.Profile;
            options.EndpointUrl = moto.Proxy.Endpoint.ToString();
            options.Resilience = new AwsResilienceOptions
            {
                MaxRetryAttempts = 4,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                RetryMaxDelay = TimeSpan.FromMilliseconds(200),
                AttemptTimeout = TimeSpan.FromSeconds(20),
                RequestsPerSecond = 0,
            };
        });
        foreach (var module in modules)
        {
            module.Register(services);
        }
        services.Configure<DataServicesOptions>(options =>
        {
            options.ClusterName = DataServicesOperator.ClusterName;
            options.TransitionInterval = TimeSpan.FromMilliseconds(500);
            configure(options);
        });
    }

    /// <summary>Polls the object until <paramref name="condition"/> holds; the timeout message shows the last state and the operator's last log lines.</summary>
    public static async Task<JsonObject> WaitForAsync(
        KubernetesClient client, CapturedLogs logs, ResourceType type, string @namespace, string name, Func<JsonObject, bool> condition, string description, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var current = await client.TryGetAsync(type, @namespace, name);
            if (current is not null && condition(current))
            {
                return current;
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{type.Kind} {@namespace}/{name} never became {description}; last seen: {current?.ToJsonString()}\nlogs:\n{string.Join('\n', logs.Lines.TakeLast(30))}");
            }
            await Task.Delay(50);
        }
    }
}
