using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>ManagedSecret end to end: the TestKit API server, moto behind the fault proxy, and the data-service controllers.</summary>
[Collection(MotoCollection.Name)]
public sealed class ManagedSecretScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private static readonly ResourceType Secrets = SkyforgeResourceTypes.ManagedSecrets;
    private DataServicesOperator _operator = null!;
    private AwsTestHost _aws = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _aws = moto.CreateHost();
        _operator = await DataServicesOperator.StartAsync(moto, "shop", "billing");
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private static JsonObject ManagedSecret(string @namespace, string name, JsonObject spec) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedSecret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
        ["spec"] = spec,
    };

    private static JsonObject Generated(string deletionPolicy, params string[] keys) => new()
    {
        ["source"] = new JsonObject { ["generate"] = new JsonObject { ["keys"] = new JsonArray([.. keys.Select(key => (JsonNode)key)]) } },
        ["deletionPolicy"] = deletionPolicy,
    };

    private static string AwsName(JsonObject obj) =>
        AwsNames.SecretName(DataServicesOperator.ClusterName, new ResourceIdentity(Group.ApiVersion, "ManagedSecret",
            obj["metadata"]!["namespace"]!.GetValue<string>(), obj["metadata"]!["name"]!.GetValue<string>(), obj["metadata"]!["uid"]!.GetValue<string>()), EffectiveSecret.AwsSecretPurpose);

    private async Task<IReadOnlyDictionary<string, string>> AwsValuesAsync(string secretId)
    {
        var value = await _aws.SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }, CancellationToken.None);
        return SyncedSecretValues.Parse(value.SecretString!);
    }

    [Fact]
    public async Task A_generated_secret_is_created_projected_changed_and_deleted()
    {
        await _operator.ApplyAsync(Secrets, ManagedSecret("shop", "api-keys", Generated("Delete", "token", "signing-key")));

        var ready = await _operator.WaitForAsync(Secrets, "shop", "api-keys", DataServicesOperator.IsReady, "Ready");
        var awsName = AwsName(ready);
        var projected = await _operator.SecretDataAsync("shop", "api-keys");
        var stored = await AwsValuesAsync(awsName);
        Assert.Equal(["signing-key", "token"], projected.Keys.Order());
        Assert.Equal(stored, projected);
        Assert.All(projected.Values, value => Assert.Equal(32, value.Length));
        Assert.NotEqual(projected["token"], projected["signing-key"]);
        Assert.StartsWith("arn:aws:secretsmanager:", ready["status"]!["arn"]!.GetValue<string>());
        Assert.Equal("api-keys", ready["status"]!["targetSecretName"]!.GetValue<string>());

        var slower = Generated("Delete", "token", "signing-key");
        slower["refreshInterval"] = "2h";
        await _operator.ApplyAsync(Secrets, ManagedSecret("shop", "api-keys", slower));
        await _operator.WaitForAsync(Secrets, "shop", "api-keys", obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == 2, "Ready at generation 2");
        Assert.Equal(projected, await _operator.SecretDataAsync("shop", "api-keys"));

        var wider = Generated("Delete", "token", "signing-key", "webhook");
        await _operator.ApplyAsync(Secrets, ManagedSecret("shop", "api-keys", wider));
        await _operator.WaitForAsync(Secrets, "shop", "api-keys", obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == 3, "Ready at generation 3");
        var widened = await Eventually.ReturnsAsync(() => _operator.SecretDataAsync("shop", "api-keys"), data => data.ContainsKey("webhook"), "the new key in the Secret");
        Assert.Equal(projected["token"], widened["token"]);
        Assert.Equal(await AwsValuesAsync(awsName), widened);

        await _operator.Client.DeleteAsync(Secrets, "shop", "api-keys");
        await _operator.WaitForGoneAsync(Secrets, "shop", "api-keys");
        var described = await _aws.SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = awsName }, CancellationToken.None);
        Assert.NotNull(described.DeletedDate);

        var observable = _operator.ObservableText();
        Assert.All(widened.Values, value => Assert.DoesNotContain(value, observable));
    }

    [Fact]
    public async Task Changed_and_removed_spec_tags_reach_the_aws_secret_without_a_new_version()
    {
        var tagged = Generated("Delete", "token");
        tagged["tags"] = new JsonObject { ["team"] = "payments", ["cost-center"] = "cc-1" };
        await _operator.ApplyAsync(Secrets, ManagedSecret("shop", "tagged", tagged));
        var ready = await _operator.WaitForAsync(Secrets, "shop", "tagged", DataServicesOperator.IsReady, "Ready");
        var awsName = AwsName(ready);
        var version = ready["status"]!["versionId"]!.GetValue<string>();

        var retagged = Generated("Delete", "token");
        retagged["tags"] = new JsonObject { ["team"] = "billing" };
        await _operator.ApplyAsync(Secrets, ManagedSecret("shop", "tagged", retagged));

        var tags = await Eventually.ReturnsAsync(
            async () => ((await _aws.SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = awsName }, CancellationToken.None)).Tags ?? [])
                .ToDictionary(tag => tag.Key, tag => tag.Value ?? "", StringComparer.Ordinal),
            current => current.GetValueOrDefault("team") == "billing" && !current.ContainsKey("cost-center"),
            "the secret's tags to follow the spec");
        Assert.Equal("tagged", tags[OwnershipTags.NameKey]);
        var settled = await _operator.WaitForAsync(Secrets, "shop", "tagged", obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == 2, "Ready at generation 2");
        Assert.Equal(version, settled["status"]!["versionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retain_leaves_the_aws_secret_in_place()
    {
        await _operator.ApplyAsync(Secrets, ManagedSecret("shop", "kept", Generated("Retain", "token")));
        var ready = await _operator.WaitForAsync(Secrets, "shop", "kept", DataServicesOperator.IsReady, "Ready");
        var values = await _operator.SecretDataAsync("shop", "kept");

        await _operator.Client.DeleteAsync(Secrets, "shop", "kept");
        await _operator.WaitForGoneAsync(Secrets, "shop", "kept");

        var described = await _aws.SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = AwsName(ready) }, CancellationToken.None);
        Assert.Null(described.DeletedDate);
        Assert.Equal(values, await AwsValuesAsync(AwsName(ready)));
        Assert.All(values.Values, value => Assert.DoesNotContain(value, _operator.ObservableText()));
    }

    [Fact]
    public async Task The_same_name_in_two_namespaces_makes_two_aws_secrets()
    {
        await _operator.ApplyAsync(Secrets, ManagedSecret("shop", "token", Generated("Delete", "value")));
        await _operator.ApplyAsync(Secrets, ManagedSecret("billing", "token", Generated("Delete", "value")));

        var shop = await _operator.WaitForAsync(Secrets, "shop", "token", DataServicesOperator.IsReady, "Ready");
        var billing = await _operator.WaitForAsync(Secrets, "billing", "token", DataServicesOperator.IsReady, "Ready");

        Assert.NotEqual(AwsName(shop), AwsName(billing));
        Assert.NotEqual(shop["status"]!["arn"]!.GetValue<string>(), billing["status"]!["arn"]!.GetValue<string>());
        Assert.Equal(await AwsValuesAsync(AwsName(shop)), await _operator.SecretDataAsync("shop", "token"));
        Assert.Equal(await AwsValuesAsync(AwsName(billing)), await _operator.SecretDataAsync("billing", "token"));
        Assert.NotEqual((await _operator.SecretDataAsync("shop", "token"))["value"], (await _operator.SecretDataAsync("billing", "token"))["value"]);
    }

    [Fact]
    public async Task An_existing_aws_secret_is_synced_into_keys()
    {
        await _aws.SecretsManager.CreateSecretAsync(new CreateSecretRequest
        {
            Name = "legacy/payments",
            SecretString = """{"username":"payments","password":"Pa55-synced-value"}""",
        }, CancellationToken.None);
        var spec = new JsonObject { ["source"] = new JsonObject { ["awsSecretsManager"] = new JsonObject { ["secretId"] = "legacy/payments" } } };

        await _operator.ApplyAsync(Secrets, ManagedSecret("billing", "payments", spec));
        await _operator.WaitForAsync(Secrets, "billing", "payments", DataServicesOperator.IsReady, "Ready");

        var data = await _operator.SecretDataAsync("billing", "payments");
        Assert.Equal("payments", data["username"]);
        Assert.Equal("Pa55-synced-value", data["password"]);
        Assert.DoesNotContain("Pa55-synced-value", _operator.ObservableText());

        await _operator.Client.DeleteAsync(Secrets, "billing", "payments");
        await _operator.WaitForGoneAsync(Secrets, "billing", "payments");
        var described = await _aws.SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "legacy/payments" }, CancellationToken.None);
        Assert.Null(described.DeletedDate);
    }

    [Fact]
    public async Task A_secret_tagged_for_another_owner_is_left_untouched()
    {
        var placeholder = ManagedSecret("shop", "contested", Generated("Delete", "token"));
        placeholder["spec"]!["awsSecretName"] = "shared/contested";
        await _aws.SecretsManager.CreateSecretAsync(new CreateSecretRequest
        {
            Name = "shared/contested",
            SecretString = """{"token":"foreign-value-1234567890"}""",
            Tags = [new AwsTag { Key = OwnershipTags.ClusterKey, Value = "another-cluster" }, new AwsTag { Key = OwnershipTags.NamespaceKey, Value = "shop" }, new AwsTag { Key = OwnershipTags.NameKey, Value = "contested" }],
        }, CancellationToken.None);

        await _operator.ApplyAsync(Secrets, placeholder);
        await _operator.WaitForAsync(Secrets, "shop", "contested", obj => DataServicesOperator.Reason(obj, "Ready") == ConditionReasons.OwnershipConflict, "OwnershipConflict");
        await _operator.Client.DeleteAsync(Secrets, "shop", "contested");
        await _operator.WaitForGoneAsync(Secrets, "shop", "contested");

        var described = await _aws.SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "shared/contested" }, CancellationToken.None);
        Assert.Null(described.DeletedDate);
        Assert.Equal("foreign-value-1234567890", (await AwsValuesAsync("shared/contested"))["token"]);
        Assert.Null(await _operator.GetAsync(ResourceTypes.Secrets, "shop", "contested"));
    }
}
