using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skyforge.Aws;
using Skyforge.Aws.Credentials;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.Aws;

/// <summary>
/// moto with Skyforge's extension, an <see cref="AwsFaultProxy"/> in front of it and a shared-credentials file with
/// profile <see cref="Profile"/>; <see cref="ResetAsync"/> gives each test a clean account with a VPC and subnets.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime
{
    public const string Region = "us-east-1";
    public const string Profile = "skyforge-tests";
    public const string AccessKeyId = "AKIDSKYFORGETESTS";
    public const string SecretAccessKey = "skyforge-test-secret-access-key";

    private readonly string _directory = Directory.CreateTempSubdirectory("skyforge-aws-").FullName;

    public MotoServer Moto { get; private set; } = null!;

    public AwsFaultProxy Proxy { get; private set; } = null!;

    public MotoNetwork Network { get; private set; } = null!;

    public string CredentialsFile => Path.Combine(_directory, "credentials");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(CredentialsFile, $"[{Profile}]\naws_access_key_id = {AccessKeyId}\naws_secret_access_key = {SecretAccessKey}\n");
        Moto = await MotoServer.StartAsync(new MotoServerOptions { TransitionDuration = TimeSpan.FromMilliseconds(300) });
        Proxy = await AwsFaultProxy.StartAsync(Moto.Endpoint);
    }

    /// <summary>Empties moto, removes proxy faults and records, and recreates the network.</summary>
    public async Task ResetAsync()
    {
        await Moto.ResetAsync();
        Proxy.ClearFaults();
        Proxy.ClearRecords();
        Network = await MotoEc2.CreateNetworkAsync(Moto.Endpoint, Region);
    }

    /// <summary>
    /// Skyforge's AWS clients aimed at the proxy with the test profile, fast retries and a log capture.
    /// <paramref name="environment"/> replaces the process environment for Skyforge's own resolution.
    /// </summary>
    public AwsTestHost CreateHost(Action<AwsOptions>? configure = null, IReadOnlyDictionary<string, string>? environment = null, bool useProfile = true)
    {
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(logs)));
        var variables = new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }
        services.AddSingleton(AwsEnvironment.FromValues(variables));
        services.AddSkyforgeAws(options =>
        {
            options.Region = Region;
            options.Profile = useProfile ? Profile : null;
            options.EndpointUrl = Proxy.Endpoint.ToString();
            options.Resilience = new AwsResilienceOptions
            {
                MaxRetryAttempts = 4,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                RetryMaxDelay = TimeSpan.FromMilliseconds(200),
                AttemptTimeout = TimeSpan.FromSeconds(20),
                RequestsPerSecond = 0,
            };
            configure?.Invoke(options);
        });
        return new AwsTestHost(services.BuildServiceProvider(), logs);
    }

    public async Task DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        if (Moto is not null)
        {
            await Moto.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }
}
