using Microsoft.Extensions.Options;
using Skyforge.Aws;
using Skyforge.Aws.Credentials;

namespace Skyforge.Operator.Tests.Aws;

public sealed class AwsResolutionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("skyforge-aws-unit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TheFlagEndpointBeatsEveryVariable()
    {
        var endpoints = Endpoints(new AwsOptions { Region = "eu-west-1", EndpointUrl = "http://flag:1/" }, ("AWS_ENDPOINT_URL_RDS", "http://rds-env:2/"), ("AWS_ENDPOINT_URL", "http://global:3/"));

        Assert.Equal(new Uri("http://flag:1/"), endpoints.Resolve(AwsService.Rds));
        Assert.True(endpoints.IsOverridden(AwsService.Rds));
    }

    [Fact]
    public void AServiceVariableBeatsTheGlobalVariable()
    {
        var endpoints = Endpoints(new AwsOptions { Region = "eu-west-1" },
            ("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://secrets:2/"), ("AWS_ENDPOINT_URL", "http://global:3/"));

        Assert.Equal(new Uri("http://secrets:2/"), endpoints.Resolve(AwsService.SecretsManager));
        Assert.Equal(new Uri("http://global:3/"), endpoints.Resolve(AwsService.Kafka));
    }

    [Fact]
    public void WithoutOverridesTheRegionalAwsEndpointIsUsed()
    {
        var endpoints = Endpoints(new AwsOptions { Region = "eu-central-1" });

        Assert.Equal(new Uri("https://elasticache.eu-central-1.amazonaws.com/"), endpoints.Resolve(AwsService.ElastiCache));
        Assert.Equal(new Uri("https://sts.eu-central-1.amazonaws.com/"), endpoints.Resolve(AwsService.Sts));
        Assert.False(endpoints.IsOverridden(AwsService.Sts));
    }

    [Fact]
    public void ChinaRegionsUseTheirPartitionSuffix()
    {
        Assert.Equal(new Uri("https://rds.cn-north-1.amazonaws.com.cn/"), Endpoints(new AwsOptions { Region = "cn-north-1" }).Resolve(AwsService.Rds));
    }

    [Fact]
    public void AnotherRegionGetsItsOwnRegionalEndpointUnlessAnEndpointIsConfigured()
    {
        Assert.Equal(new Uri("https://elasticache.eu-west-1.amazonaws.com/"), Endpoints(new AwsOptions { Region = "us-east-1" }).Resolve(AwsService.ElastiCache, "eu-west-1"));
        Assert.Equal(new Uri("http://emulator:4566/"), Endpoints(new AwsOptions { Region = "us-east-1", EndpointUrl = "http://emulator:4566/" }).Resolve(AwsService.ElastiCache, "eu-west-1"));
    }

    [Fact]
    public void ConfiguredEndpointsCanBeIgnored()
    {
        var endpoints = Endpoints(new AwsOptions { Region = "us-west-2" }, ("AWS_ENDPOINT_URL", "http://global:3/"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Equal(new Uri("https://kafka.us-west-2.amazonaws.com/"), endpoints.Resolve(AwsService.Kafka));
    }

    [Fact]
    public void AMalformedEndpointIsAConfigurationError()
    {
        var endpoints = Endpoints(new AwsOptions { Region = "us-west-2" }, ("AWS_ENDPOINT_URL_KAFKA", "localhost:4566"));

        var exception = Assert.Throws<AwsConfigurationException>(() => endpoints.Resolve(AwsService.Kafka));

        Assert.Contains("kafka", exception.Message);
    }

    [Theory]
    [InlineData("ap-south-1", "eu-west-3", "us-east-2", "ap-south-1")]
    [InlineData(null, "eu-west-3", "us-east-2", "eu-west-3")]
    [InlineData(null, null, "us-east-2", "us-east-2")]
    public void TheRegionComesFromTheFlagThenAwsRegionThenAwsDefaultRegion(string? flag, string? region, string? defaultRegion, string expected)
    {
        var variables = new List<(string, string)>();
        if (region is not null)
        {
            variables.Add(("AWS_REGION", region));
        }
        if (defaultRegion is not null)
        {
            variables.Add(("AWS_DEFAULT_REGION", defaultRegion));
        }

        Assert.Equal(expected, Regions(new AwsOptions { Region = flag }, [.. variables]).Region);
    }

    [Fact]
    public void TheRegionComesFromTheProfileWhenNothingElseNamesIt()
    {
        var credentials = WriteCredentials("[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\nregion = eu-north-1\n");

        var region = Regions(new AwsOptions { Profile = "work" }, ("AWS_SHARED_CREDENTIALS_FILE", credentials)).Region;

        Assert.Equal("eu-north-1", region);
    }

    [Fact]
    public async Task AnExplicitProfileSuppliesTheCredentials()
    {
        var credentials = WriteCredentials("[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\n");
        var options = new AwsOptions { Region = "eu-west-1", Profile = "work" };
        var environment = AwsEnvironment.FromValues(new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = credentials });
        var profiles = new AwsSharedProfiles(Options.Create(options), environment);
        var regions = new AwsRegionResolver(Options.Create(options), environment, profiles);
        var provider = new AwsCredentialsProvider(environment, profiles, regions, new AwsEndpointResolver(Options.Create(options), environment, profiles, regions));

        var keys = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(("AKIDWORK", "work-secret", false), (keys.AccessKey, keys.SecretKey, keys.UseToken));
        Assert.Equal("profile 'work'", provider.Source);
    }

    [Fact]
    public async Task AMissingExplicitProfileIsAConfigurationError()
    {
        var options = new AwsOptions { Region = "eu-west-1", Profile = "absent" };
        var environment = AwsEnvironment.FromValues(new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = WriteCredentials("[other]\n") });
        var profiles = new AwsSharedProfiles(Options.Create(options), environment);
        var regions = new AwsRegionResolver(Options.Create(options), environment, profiles);
        var provider = new AwsCredentialsProvider(environment, profiles, regions, new AwsEndpointResolver(Options.Create(options), environment, profiles, regions));

        var exception = await Assert.ThrowsAsync<AwsConfigurationException>(() => provider.GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains("'absent'", exception.Message);
    }

    private string WriteCredentials(string content)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }

    private static AwsEndpointResolver Endpoints(AwsOptions options, params (string Name, string Value)[] variables)
    {
        var environment = Environment(variables);
        var profiles = new AwsSharedProfiles(Options.Create(options), environment);
        return new AwsEndpointResolver(Options.Create(options), environment, profiles, new AwsRegionResolver(Options.Create(options), environment, profiles));
    }

    private static AwsRegionResolver Regions(AwsOptions options, params (string Name, string Value)[] variables)
    {
        var environment = Environment(variables);
        return new AwsRegionResolver(Options.Create(options), environment, new AwsSharedProfiles(Options.Create(options), environment));
    }

    private static AwsEnvironment Environment((string Name, string Value)[] variables) =>
        AwsEnvironment.FromValues(variables.ToDictionary(variable => variable.Name, variable => variable.Value));
}
