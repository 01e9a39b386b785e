using Skyforge.Aws;
using Skyforge.Aws.Credentials;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;
using Skyforge.Aws.Sts;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.Aws;

/// <summary>Secret values sent to AWS never show up in logs or exception text, even when a service echoes them.</summary>
[Collection(MotoCollection.Name)]
public sealed class SecretRedactionTests(MotoFixture moto) : IAsyncLifetime
{
    private const string SecretString = "sm-secret-string-7f3a9c";
    private const string RotatedSecret = "sm-rotated-secret-1b2c3d";
    private const string MasterPassword = "rds-master-password-44aa";
    private const string EchoedPassword = "rds-echoed-password-55bb";
    private const string AuthToken = "elasticache-auth-token-66cc77dd";
    private readonly List<Exception> _failures = [];

    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NoSecretValueAppearsInLogsOrExceptions()
    {
        await using var host = moto.CreateHost();
        var ct = CancellationToken.None;

        await host.SecretsManager.CreateSecretAsync(new CreateSecretRequest { Name = "app/db", SecretString = SecretString }, ct);
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ServerError()) { Service = "secretsmanager", Operation = "PutSecretValue", Times = 1 });
        await host.SecretsManager.PutSecretValueAsync(new PutSecretValueRequest { SecretId = "app/db", SecretString = RotatedSecret }, ct);
        await Capture(() => host.SecretsManager.CreateSecretAsync(new CreateSecretRequest { Name = "app/db", SecretString = SecretString }, ct));

        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle()) { Service = "rds", Operation = "CreateDBInstance", Times = 1 });
        await host.Rds.CreateDBInstanceAsync(Instance("app", MasterPassword), ct);
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Error("InvalidParameterValue", 400, $"The parameter MasterUserPassword is not a valid password: {EchoedPassword}"))
        {
            Service = "rds",
            Operation = "CreateDBInstance",
            Times = 1,
        });
        var echoed = await Capture(() => host.Rds.CreateDBInstanceAsync(Instance("echo", EchoedPassword), ct));
        await Capture(() => host.Rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest { DBInstanceIdentifier = "missing", MasterUserPassword = MasterPassword }, ct));

        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ConnectionReset()) { Service = "elasticache", Times = 1 });
        await host.ElastiCache.CreateReplicationGroupAsync(new CreateReplicationGroupRequest
        {
            ReplicationGroupId = "tokens",
            ReplicationGroupDescription = "AUTH token holder",
            Engine = "redis",
            CacheNodeType = "cache.t4g.small",
            TransitEncryptionEnabled = true,
            AuthToken = AuthToken,
        }, ct);
        await Capture(() => host.ElastiCache.ModifyReplicationGroupAsync(new ModifyReplicationGroupRequest { ReplicationGroupId = "tokens", AuthToken = AuthToken }, ct));

        var (sessionToken, sessionSecret, sessionLogs) = await UseWebIdentityAsync();

        var secrets = new[] { SecretString, RotatedSecret, MasterPassword, EchoedPassword, AuthToken, MotoFixture.SecretAccessKey, sessionToken, sessionSecret };
        var sent = moto.Proxy.Requests.Select(request => request.Parameters.ToJsonString()).ToList();
        Assert.All(new[] { SecretString, RotatedSecret, MasterPassword, EchoedPassword, AuthToken }, secret => Assert.Contains(sent, parameters => parameters.Contains(secret)));
        Assert.Contains("***", Assert.IsType<AwsServiceException>(echoed).ServiceMessage);
        Assert.Equal(5, _failures.Count);

        var texts = host.Logs.Lines.Concat(sessionLogs)
            .Concat(_failures.Select(failure => failure.ToString()))
            .Concat(_failures.OfType<AwsServiceException>().Select(failure => failure.ServiceMessage ?? string.Empty))
            .ToList();
        Assert.Contains(texts, text => text.Contains("InvalidParameterValue"));
        Assert.Contains(texts, text => text.Contains("retry"));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<(string SessionToken, string SecretKey, IReadOnlyList<string> Logs)> UseWebIdentityAsync()
    {
        var tokenFile = Path.Combine(Path.GetTempPath(), $"skyforge-redaction-{Guid.NewGuid():N}.jwt");
        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZWRhY3Rpb24ifQ.c2ln");
        try
        {
            await using var host = moto.CreateHost(
                environment: new Dictionary<string, string>
                {
                    ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile,
                    ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/redaction",
                },
                useProfile: false);
            moto.Proxy.Inject(new AwsFaultRule(AwsFault.ServerError()) { Service = "sts", Operation = "GetCallerIdentity", Times = 1 });
            await host.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None);
            await Capture(() => host.SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "missing" }, CancellationToken.None));
            var credentials = await host.Get<AwsCredentialsProvider>().GetCredentialsAsync(CancellationToken.None);
            return (credentials.Token, credentials.SecretKey, host.Logs.Lines);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    private static CreateDBInstanceRequest Instance(string name, string password) => new()
    {
        DBInstanceIdentifier = name,
        DBInstanceClass = "db.t3.micro",
        Engine = "postgres",
        AllocatedStorage = 20,
        MasterUsername = "app",
        MasterUserPassword = password,
    };

    private async Task<Exception?> Capture(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (AwsException exception)
        {
            _failures.Add(exception);
            return exception;
        }
    }
}
