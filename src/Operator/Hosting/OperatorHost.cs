using System.Diagnostics.Metrics;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Skyforge.Aws;
using Skyforge.Kubernetes.DependencyInjection;
using Skyforge.Operator.Hosting.Endpoints;
using Skyforge.Operator.Hosting.Metrics;
using Skyforge.Operator.Hosting.Settings;
using Skyforge.Runtime.DependencyInjection;

namespace Skyforge.Operator.Hosting;

/// <summary>
/// The operator process: the Kubernetes client, the controller runtime (informers, leader election, controllers of
/// every module), the AWS clients, JSON logs, and two HTTP listeners — metrics and health. Built from
/// <see cref="RunSettings"/>; started, awaited and stopped like any generic host.
/// </summary>
public sealed class OperatorHost : IAsyncDisposable
{
    public const string FieldManager = "skyforge-operator";

    /// <summary>How long a stop may spend draining in-flight reconciles; below Kubernetes' default 30 s grace period.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    private readonly WebApplication _app;
    private readonly Listeners _listeners;

    private OperatorHost(WebApplication app, Listeners listeners)
    {
        _app = app;
        _listeners = listeners;
    }

    public static string Version { get; } =
        typeof(OperatorHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public IServiceProvider Services => _app.Services;

    /// <summary>The bound metrics address (a requested port 0 resolved); valid once started.</summary>
    public Uri MetricsUrl => _listeners.Url(_listeners.Metrics);

    /// <summary>The bound health address; valid once started.</summary>
    public Uri HealthUrl => _listeners.Url(_listeners.Health);

    /// <param name="modules">The controller modules to host, normally <see cref="OperatorModules.All"/>.</param>
    /// <param name="configureLogging">Replaces the JSON console logger (tests capture logs this way).</param>
    public static OperatorHost Create(RunSettings settings, IEnumerable<IOperatorModule> modules, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "skyforge" });
        ConfigureLogging(builder.Logging, settings.LogLevel, configureLogging);
        ConfigureServices(builder.Services, settings, modules);
        var listeners = new Listeners();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            listeners.Metrics = Listen(kestrel, settings.MetricsAddress, ListenerRole.Metrics);
            listeners.Health = Listen(kestrel, settings.HealthAddress, ListenerRole.Health);
        });
        var app = builder.Build();
        var endpoints = app.Services.GetRequiredService<OperatorEndpoints>();
        app.Run(endpoints.HandleAsync);
        return new OperatorHost(app, listeners);
    }

    /// <summary>Starts the controllers and the listeners; with an unusable configuration this throws.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    /// <summary>Completes once a stop was requested (SIGTERM, SIGINT or <paramref name="cancellationToken"/>) and the host stopped.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level, Action<ILoggingBuilder>? configureLogging)
    {
        logging.ClearProviders();
        if (configureLogging is null)
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";
                json.IncludeScopes = false;
            });
        }
        else
        {
            configureLogging(logging);
        }
        logging.SetMinimumLevel(level);
        // Framework chatter (one line per HTTP connection or probe) only when it says something is wrong.
        var frameworkLevel = level > LogLevel.Warning ? level : LogLevel.Warning;
        logging.AddFilter("Microsoft", frameworkLevel);
        logging.AddFilter("System.Net.Http", frameworkLevel);
    }

    private static void ConfigureServices(IServiceCollection services, RunSettings settings, IEnumerable<IOperatorModule> modules)
    {
        services.AddMetrics();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        services.AddSingleton(settings.Operator);
        services.AddSingleton(Options.Create(settings.Operator));
        services.AddSkyforgeKubernetes(kubernetes =>
        {
            kubernetes.KubeConfigPath = settings.KubeConfigPath;
            kubernetes.Context = settings.Context;
            kubernetes.UserAgent = $"skyforge-operator/{Version}";
            kubernetes.FieldManager = FieldManager;
            kubernetes.Qps = settings.RateLimits.KubernetesQps;
            kubernetes.Burst = settings.RateLimits.KubernetesBurst;
        });
        services.AddSkyforgeRuntime(runtime =>
        {
            runtime.Namespace = settings.Operator.WatchNamespace;
            runtime.LeaderElection = settings.LeaderElection;
            runtime.Events = runtime.Events with { Component = FieldManager, Instance = settings.InstanceName };
        });
        services.AddSkyforgeAws(aws =>
        {
            aws.Region = settings.Operator.DefaultRegion;
            aws.EndpointUrl = settings.AwsEndpointUrl;
            aws.Resilience.RequestsPerSecond = settings.RateLimits.AwsQps;
            aws.Resilience.Burst = settings.RateLimits.AwsBurst;
        });
        foreach (var module in modules)
        {
            module.Register(services);
        }
        services.AddSingleton(provider => new MeterCollector(MeterCollector.OperatorMeters, provider.GetRequiredService<IMeterFactory>()));
        services.AddSingleton<ProcessMetrics>();
        services.AddSingleton<OperatorEndpoints>();
    }

    private static ListenOptions Listen(KestrelServerOptions kestrel, ListenAddress address, ListenerRole role)
    {
        ListenOptions? bound = null;
        void Configure(ListenOptions listen)
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.Use(next => connection =>
            {
                connection.Features.Set(new ListenerRoleFeature(role));
                return next(connection);
            });
            bound = listen;
        }
        if (address.Address is null)
        {
            kestrel.ListenAnyIP(address.Port, Configure);
        }
        else
        {
            kestrel.Listen(address.Address, address.Port, Configure);
        }
        return bound!;
    }

    /// <summary>Kestrel's listen options of both listeners; after binding they carry the actual endpoints.</summary>
    private sealed class Listeners
    {
        public ListenOptions? Metrics { get; set; }

        public ListenOptions? Health { get; set; }

        public Uri Url(ListenOptions? listener) => listener?.EndPoint is IPEndPoint endpoint
            ? new Uri($"http://{endpoint}")
            : throw new InvalidOperationException("the operator host has not started");
    }
}
