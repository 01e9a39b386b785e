using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Skyforge.Kubernetes.Serialization;
using Skyforge.TestKit.ApiServer.Controllers;
using Skyforge.TestKit.ApiServer.Faults;
using Skyforge.TestKit.ApiServer.Http;
using Skyforge.TestKit.ApiServer.Operations;
using Skyforge.TestKit.ApiServer.Recording;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Security;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer;

/// <summary>
/// An in-process, envtest-style Kubernetes API server on 127.0.0.1 (real HTTP via Kestrel), with CRD
/// registration, the built-in kinds Skyforge touches, watch, patch/apply semantics, garbage collection,
/// fault injection and a request log. Start with <see cref="StartAsync"/>; point clients at
/// <see cref="Url"/> with <see cref="Token"/>, or at a kubeconfig from <see cref="WriteKubeconfig"/>.
/// </summary>
public sealed class TestApiServer : IAsyncDisposable
{
    private const string ContextName = "skyforge-testkit";
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private readonly ServerControllers _controllers;
    private readonly ResourceOperations _operations;
    private readonly TestCertificateAuthority? _authority;
    private readonly List<IAsyncDisposable> _attachments = [];

    private TestApiServer(WebApplication app, Uri url, string token, ObjectStore store, ResourceOperations operations,
        ServerControllers controllers, FaultInjector faults, RequestLog requests, TestCertificateAuthority? authority, TimeProvider timeProvider)
    {
        _app = app;
        Url = url;
        Token = token;
        _store = store;
        _operations = operations;
        _controllers = controllers;
        Faults = faults;
        Requests = requests;
        _authority = authority;
        TimeProvider = timeProvider;
        Store = new TestApiServerStore(store);
    }

    /// <summary>Base URL, e.g. <c>https://127.0.0.1:40123</c>.</summary>
    public Uri Url { get; }

    /// <summary>The bearer token every request must carry.</summary>
    public string Token { get; }

    /// <summary>PEM of the CA that signed the serving certificate; null without TLS.</summary>
    public string? CertificateAuthorityPem => _authority?.AuthorityPem;

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    public TestApiServerStore Store { get; }

    /// <summary>For in-process simulations attached to this server (e.g. the workload simulator).</summary>
    internal ObjectStore ObjectStore => _store;

    internal ResourceOperations Operations => _operations;

    internal TimeProvider TimeProvider { get; }

    /// <summary>Stops an attached simulation before the server itself shuts down.</summary>
    internal void DisposeWithServer(IAsyncDisposable attachment)
    {
        lock (_attachments)
        {
            _attachments.Add(attachment);
        }
    }

    public static async Task<TestApiServer> StartAsync(TestApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TestApiServerOptions();
        var token = options.Token ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var authority = options.UseTls ? TestCertificateAuthority.Create(options.TimeProvider) : null;
        var registry = new ResourceTypeRegistry();
        var store = new ObjectStore(options.WatchHistoryLimit);
        var operations = new ResourceOperations(store, registry, options.TimeProvider);
        var faults = new FaultInjector(store.DropAllWatches);
        var requests = new RequestLog();
        var controllers = new ServerControllers(store, registry, operations, options.GarbageCollection);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (authority is not null)
                {
                    listen.UseHttps(authority.Serving);
                }
            });
        });
        var app = builder.Build();
        string serverAddress = "";
        var handler = new ApiRequestHandler(options, token, registry, store, operations, faults, requests, () => serverAddress);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address);
        serverAddress = $"{url.Host}:{url.Port}";

        foreach (var name in options.InitialNamespaces)
        {
            operations.Create(BuiltInResourceTypes.Namespaces, "",
                new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } },
                new WriteOptions(FieldManager: "skyforge-testkit"));
        }
        controllers.Start();
        return new TestApiServer(app, new Uri(url.GetLeftPart(UriPartial.Authority)), token, store, operations, controllers, faults, requests, authority, options.TimeProvider);
    }

    /// <summary>
    /// Creates a CustomResourceDefinition (or replaces the spec of an existing one) and returns once it is
    /// Established and served.
    /// </summary>
    public JsonObject InstallCustomResourceDefinition(JsonObject definition)
    {
        var type = BuiltInResourceTypes.CustomResourceDefinitions;
        var name = definition["metadata"]?["name"]?.GetValue<string>() ?? "";
        var existing = _store.Get(type.Key, "", name);
        if (existing is null)
        {
            _operations.Create(type, "", definition, new WriteOptions(FieldManager: "skyforge-testkit"));
        }
        else
        {
            var replacement = (JsonObject)definition.DeepClone();
            replacement["metadata"]!["resourceVersion"] = existing["metadata"]!["resourceVersion"]!.DeepClone();
            _operations.Replace(type, "", name, null, replacement, new WriteOptions(FieldManager: "skyforge-testkit"));
        }
        return (JsonObject)_store.Get(type.Key, "", name)!.DeepClone();
    }

    /// <summary>Installs every CustomResourceDefinition in the YAML/JSON files of a directory (sorted by file name).</summary>
    /// <returns>The names of the installed definitions.</returns>
    public IReadOnlyList<string> InstallCustomResourceDefinitions(string directory)
    {
        var installed = new List<string>();
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var document in YamlDocuments.Parse(File.ReadAllText(file)).OfType<JsonObject>())
            {
                if (document["kind"]?.GetValue<string>() == "CustomResourceDefinition")
                {
                    installed.Add(InstallCustomResourceDefinition(document)["metadata"]!["name"]!.GetValue<string>());
                }
            }
        }
        return installed;
    }

    /// <summary>
    /// Completes once the server-side controllers (garbage collector, namespace and CRD cleanup) have handled
    /// every change made so far, so a test can assert that something did <em>not</em> happen.
    /// </summary>
    public Task WaitForControllersAsync() => _controllers.SettleAsync();

    /// <summary>A kubeconfig (YAML) with one cluster, user and current context pointing at this server.</summary>
    public string KubeconfigYaml(string ns = "default")
    {
        var cluster = new JsonObject { ["server"] = Url.ToString().TrimEnd('/') };
        if (_authority is not null)
        {
            cluster["certificate-authority-data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(_authority.AuthorityPem));
        }
        var config = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = new JsonArray(new JsonObject { ["name"] = ContextName, ["cluster"] = cluster }),
            ["users"] = new JsonArray(new JsonObject { ["name"] = ContextName, ["user"] = new JsonObject { ["token"] = Token } }),
            ["contexts"] = new JsonArray(new JsonObject
            {
                ["name"] = ContextName,
                ["context"] = new JsonObject { ["cluster"] = ContextName, ["user"] = ContextName, ["namespace"] = ns },
            }),
            ["current-context"] = ContextName,
            ["preferences"] = new JsonObject(),
        };
        return YamlDocuments.Write(config);
    }

    public void WriteKubeconfig(string path, string ns = "default") => File.WriteAllText(path, KubeconfigYaml(ns));

    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable[] attachments;
        lock (_attachments)
        {
            attachments = [.. _attachments];
        }
        foreach (var attachment in attachments)
        {
            await attachment.DisposeAsync();
        }
        _store.DropAllWatches();
        await _controllers.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _authority?.Dispose();
    }
}
