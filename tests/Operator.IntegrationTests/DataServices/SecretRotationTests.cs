using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.Providers.SecretsManager;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>The ManagedSecret provider against moto, with the provider's clock moved past the rotation interval.</summary>
[Collection(MotoCollection.Name)]
public sealed class SecretRotationTests(MotoFixture moto) : IAsyncLifetime
{
    private static readonly BuildContext Build = new(DataServicesOperator.ClusterName, MotoFixture.Region, Provider.Aws);
    private AwsTestHost _aws = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _aws = moto.CreateHost();
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private static ManagedResourceContext<ManagedSecret> Context(bool freshRead = true)
    {
        var resource = JsonSerializer.Deserialize<ManagedSecret>(
            """{"apiVersion":"platform.skyforge.dev/v1alpha1","kind":"ManagedSecret","metadata":{"name":"rotating","namespace":"shop","uid":"0b7e3c52-1f7e-4c1e-9d7a-7d1c2f3e4a5b"},"spec":{"source":{"generate":{"keys":["token"]}},"rotation":{"intervalDays":30},"deletionPolicy":"Delete"}}""",
            SkyforgeJson.Options)!;
        return new ManagedResourceContext<ManagedSecret>(resource, new ResourceIdentity(resource.ApiVersion, resource.Kind, "shop", "rotating", resource.Metadata.Uid!), Build, freshRead);
    }

    [Fact]
    public async Task Values_are_regenerated_once_the_rotation_interval_has_passed()
    {
        var clock = new ShiftedTimeProvider();
        var provider = new ManagedSecretAwsClient(_aws.Get<IAwsClientFactory>(), new DataServicesOptions(), clock);
        await provider.CreateAsync(Context(), CancellationToken.None);
        var before = await provider.ObserveAsync(Context(), CancellationToken.None);
        Assert.True(before.UpToDate);
        var name = AwsNames.SecretName(DataServicesOperator.ClusterName, Context().Identity, EffectiveSecret.AwsSecretPurpose);
        var original = (await _aws.SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name }, CancellationToken.None)).SecretString;

        clock.Shift = TimeSpan.FromDays(31);
        var due = await provider.ObserveAsync(Context(), CancellationToken.None);
        Assert.False(due.UpToDate);
        Assert.Contains("rotation", due.Differences);
        await provider.UpdateAsync(Context(), due, CancellationToken.None);

        var rotated = await _aws.SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name }, CancellationToken.None);
        Assert.NotEqual(original, rotated.SecretString);
        Assert.Equal(32, JsonNode.Parse(rotated.SecretString!)!["token"]!.GetValue<string>().Length);
        clock.Shift = TimeSpan.FromDays(1);
        Assert.True((await provider.ObserveAsync(Context(), CancellationToken.None)).UpToDate);
    }

    private sealed class ShiftedTimeProvider : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
