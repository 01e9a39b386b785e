using Microsoft.Extensions.DependencyInjection;
using Skyforge.Aws;
using Skyforge.Aws.Credentials;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Kafka;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;
using Skyforge.Aws.Sts;

namespace Skyforge.Operator.Cli;

/// <summary>
/// `skyforge aws-check [--aws-region R] [--aws-endpoint-url URL] [--profile P]`: resolves region, endpoints and
/// credentials the way the operator does, calls GetCallerIdentity and one read per service, and prints what works.
/// </summary>
public static class AwsCheckCommand
{
    private const string Usage = "usage: skyforge aws-check [--aws-region REGION] [--aws-endpoint-url URL] [--profile NAME]";
    private const string ProbeSecretId = "skyforge/aws-check/probe";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(args, stdout, stderr, AwsEnvironment.Process, ct);

    /// <param name="environment">The environment Skyforge's own AWS resolution reads (tests pass their own).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, AwsEnvironment environment, CancellationToken ct)
    {
        if (!TryParse(args, out var region, out var endpoint, out var profile, out var problem))
        {
            await stderr.WriteLineAsync(problem);
            await stderr.WriteLineAsync(Usage);
            return ExitCodes.Usage;
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(environment);
        services.AddSkyforgeAws(options =>
        {
            options.Region = region;
            options.EndpointUrl = endpoint;
            options.Profile = profile;
            options.Resilience.MaxRetryAttempts = 1;
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
        });
        await using var provider = services.BuildServiceProvider();

        string resolvedRegion;
        try
        {
            resolvedRegion = provider.GetRequiredService<AwsRegionResolver>().Region;
            await stdout.WriteLineAsync($"region       {resolvedRegion}");
            var endpoints = provider.GetRequiredService<AwsEndpointResolver>();
            foreach (var service in AwsService.All)
            {
                var overridden = endpoints.IsOverridden(service) ? " (configured)" : string.Empty;
                await stdout.WriteLineAsync($"endpoint     {service.Id,-15}{endpoints.Resolve(service)}{overridden}");
            }
            var credentials = provider.GetRequiredService<AwsCredentialsProvider>();
            var keys = await credentials.GetCredentialsAsync(ct);
            await stdout.WriteLineAsync($"credentials  {credentials.Source}, access key {Mask(keys.AccessKey)}{(keys.UseToken ? " (temporary)" : string.Empty)}");
        }
        catch (AwsConfigurationException exception)
        {
            await stdout.WriteLineAsync($"FAIL         {exception.Message}");
            return ExitCodes.Failure;
        }

        var checks = new (string Service, string Operation, Func<Task<string>> Probe)[]
        {
            ("sts", "GetCallerIdentity", async () =>
            {
                var identity = await provider.GetRequiredService<IStsClient>().GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct);
                return $"account {identity.Account}, {identity.Arn}";
            }),
            ("rds", "DescribeDBInstances", async () =>
            {
                var page = await provider.GetRequiredService<IRdsClient>().DescribeDBInstancesAsync(new DescribeDBInstancesRequest { MaxRecords = 20 }, ct);
                return $"{page.DBInstances?.Count ?? 0} DB instances on the first page";
            }),
            ("elasticache", "DescribeReplicationGroups", async () =>
            {
                var page = await provider.GetRequiredService<IElastiCacheClient>().DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest { MaxRecords = 20 }, ct);
                return $"{page.ReplicationGroups?.Count ?? 0} replication groups on the first page";
            }),
            ("kafka", "ListClustersV2", async () =>
            {
                var page = await provider.GetRequiredService<IKafkaClient>().ListClustersV2Async(new ListClustersV2Request { MaxResults = 10 }, ct);
                return $"{page.ClusterInfoList?.Count ?? 0} MSK clusters on the first page";
            }),
            ("secretsmanager", "DescribeSecret", async () =>
            {
                try
                {
                    await provider.GetRequiredService<ISecretsManagerClient>().DescribeSecretAsync(new DescribeSecretRequest { SecretId = ProbeSecretId }, ct);
                    return $"reachable ({ProbeSecretId} exists)";
                }
                catch (AwsServiceException exception) when (exception.IsNotFound)
                {
                    return "reachable (probe secret absent, as expected)";
                }
            }),
        };

        var failures = 0;
        foreach (var (service, operation, probe) in checks)
        {
            try
            {
                var result = await probe();
                await stdout.WriteLineAsync($"ok           {service} {operation}: {result}");
            }
            catch (AwsServiceException exception)
            {
                failures++;
                var status = exception.StatusCode is { } code ? $"HTTP {(int)code}" : "no response";
                await stdout.WriteLineAsync($"FAIL         {service} {operation}: {exception.ErrorCode} ({status}){Detail(exception)}");
            }
            catch (AwsConfigurationException exception)
            {
                failures++;
                await stdout.WriteLineAsync($"FAIL         {service} {operation}: {exception.Message}");
            }
        }
        return failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static bool TryParse(string[] args, out string? region, out string? endpoint, out string? profile, out string problem)
    {
        region = endpoint = profile = null;
        problem = string.Empty;
        for (var index = 0; index < args.Length; index++)
        {
            var (name, inlineValue) = args[index].Split('=', 2) is [var key, var value] ? (key, value) : (args[index], null);
            if (name is not ("--aws-region" or "--aws-endpoint-url" or "--profile"))
            {
                problem = $"skyforge aws-check: unknown argument \"{args[index]}\"";
                return false;
            }
            var argument = inlineValue ?? (index + 1 < args.Length ? args[++index] : null);
            if (string.IsNullOrWhiteSpace(argument))
            {
                problem = $"skyforge aws-check: {name} needs a value";
                return false;
            }
            switch (name)
            {
                case "--aws-region":
                    region = argument;
                    break;
                case "--aws-endpoint-url":
                    endpoint = argument;
                    break;
                default:
                    profile = argument;
                    break;
            }
        }
        return true;
    }

    private static string Detail(AwsServiceException exception) =>
        string.IsNullOrWhiteSpace(exception.ServiceMessage) ? string.Empty : $": {exception.ServiceMessage}";

    private static string Mask(string accessKey) =>
        accessKey.Length <= 8 ? "****" : $"{accessKey[..4]}…{accessKey[^4..]}";
}
