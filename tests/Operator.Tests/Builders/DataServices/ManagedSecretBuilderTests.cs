using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using static Skyforge.Operator.Tests.Builders.DataServices.TestResources;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed class ManagedSecretBuilderTests
{
    private readonly RecordingSecrets secrets = new();

    [Fact]
    public void Wallet_generated_api_keys_are_stored_in_secrets_manager_and_projected()
    {
        var resource = Secret("wallet-api-keys", new ManagedSecretSpec
        {
            Source = new SecretSource { Generate = new GeneratedSecretSource { Length = 48, Keys = ["primary", "secondary"], Characters = SecretCharacters.Ascii } },
            Tags = new() { ["team"] = "wallet" },
        }, ns: "wallet");

        var state = ManagedSecretBuilder.Build(resource, Context, secrets);

        var owner = Identity("ManagedSecret", "wallet-api-keys", "wallet");
        var primary = secrets.ValueFor(owner, SecretPurposes.GeneratedKey("primary"));
        var secondary = secrets.ValueFor(owner, SecretPurposes.GeneratedKey("secondary"));
        Assert.Equal(48, primary.Length);
        var create = state.Call("CreateSecret");
        Assert.Equal("secretsmanager", create.Service);
        Assert.Equal("skyforge/prod-eks/wallet/wallet-api-keys/values", create.Text("Name"));
        Assert.Equal(AwsNames.ClientRequestToken(Context.ClusterName, owner, "values"), create.Text("ClientRequestToken"));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["primary"] = primary, ["secondary"] = secondary }, JsonNode.Parse(create.Text("SecretString"))));
        // Verbatim, not \u-escaped, so redaction of generated values finds them in the request.
        Assert.Contains(primary, create.Text("SecretString"), StringComparison.Ordinal);
        Assert.Contains(primary, c => !char.IsAsciiLetterOrDigit(c));
        Assert.Equal("wallet", create.Tags()["team"]);
        Assert.Equal("wallet-api-keys", create.Tags()[OwnershipTags.NameKey]);

        var target = state.Single("Secret");
        Assert.Equal("wallet-api-keys", target.Name());
        Assert.Equal(new Dictionary<string, string> { ["primary"] = primary, ["secondary"] = secondary }, target.StringData());
    }

    [Fact]
    public void Generated_defaults_are_one_value_key_of_32_alphanumerics_under_a_derived_name()
    {
        var resource = Secret("token", new ManagedSecretSpec
        {
            Source = new SecretSource { Generate = new GeneratedSecretSource() },
            AwsSecretName = "apps/token",
            TargetSecretName = "token-env",
        });

        var state = ManagedSecretBuilder.Build(resource, Context, secrets);

        Assert.Equal("apps/token", state.Call("CreateSecret").Text("Name"));
        var data = state.Named("Secret", "token-env").StringData();
        var value = Assert.Single(data, entry => entry.Key == "value").Value;
        Assert.Equal(32, value.Length);
        Assert.All(value, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [Theory]
    [InlineData("AWSPREVIOUS", "VersionStage")]
    [InlineData("3f8e2a1c-7b6d-4c5e-9f0a-1b2c3d4e5f60", "VersionId")]
    public void Synced_secrets_are_read_by_version_id_or_stage(string version, string member)
    {
        var resource = Secret("db-creds", new ManagedSecretSpec
        {
            Source = new SecretSource { AwsSecretsManager = new AwsSecretSource { SecretId = "prod/db", Version = version } },
        });

        var call = ManagedSecretBuilder.Build(resource, Context, secrets).Call("GetSecretValue");

        Assert.Equal("prod/db", call.Text("SecretId"));
        Assert.Equal(version, call.Text(member));
    }

    [Fact]
    public void A_synced_secret_holds_nothing_until_read_then_what_aws_returned()
    {
        var resource = Secret("db-creds", new ManagedSecretSpec
        {
            Source = new SecretSource { AwsSecretsManager = new AwsSecretSource { SecretId = "prod/db" } },
        });

        var render = ManagedSecretBuilder.Build(resource, Context, secrets);
        Assert.Empty(render.Single("Secret").StringData());
        Assert.Null(render.Call("GetSecretValue").Parameters["VersionStage"]);
        Assert.Empty(secrets.Values);

        var synced = SyncedSecretValues.Parse("""{"username":"app","password":"s3cr3t","port":5432}""");
        var data = ManagedSecretBuilder.Build(resource, Context, secrets, synced).Single("Secret").StringData();
        Assert.Equal(new Dictionary<string, string> { ["password"] = "s3cr3t", ["port"] = "5432", ["username"] = "app" }, data);
    }

    [Theory]
    [InlineData("plain-token", "plain-token")]
    [InlineData("[1,2]", "[1,2]")]
    [InlineData("{not json", "{not json")]
    public void Anything_but_a_json_object_is_projected_as_value(string secretString, string expected)
    {
        Assert.Equal(new Dictionary<string, string> { ["value"] = expected }, SyncedSecretValues.Parse(secretString));
    }

    [Fact]
    public void A_member_that_cannot_be_a_secret_key_is_named_without_its_value()
    {
        var error = Assert.Throws<ArgumentException>(() => SyncedSecretValues.Parse("""{"db password":"hunter2"}"""));

        Assert.Contains("db password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_and_rotation_intervals()
    {
        var spec = new ManagedSecretSpec
        {
            Source = new SecretSource { Generate = new GeneratedSecretSource() },
            RefreshInterval = "1h30m",
            Rotation = new SecretRotation { IntervalDays = 30 },
        };

        Assert.Equal(TimeSpan.FromMinutes(90), EffectiveSecret.RefreshInterval(spec));
        Assert.Equal(TimeSpan.FromHours(1), EffectiveSecret.RefreshInterval(spec with { RefreshInterval = null }));
        Assert.Equal(TimeSpan.FromDays(30), EffectiveSecret.RotationInterval(spec));
        Assert.Null(EffectiveSecret.RotationInterval(spec with { Rotation = null }));
    }
}
