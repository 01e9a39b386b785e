using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// Desired state of a ManagedDatabase. On AWS: the RDS instance (with read replicas) or Aurora cluster
/// (writer and readers), its subnet and parameter groups, and the master credentials in Secrets Manager.
/// In-cluster: a PostgreSQL or MySQL StatefulSet with its Services and credentials Secret. Both: the
/// connection Secret, and a Job that creates the logical databases.
/// </summary>
public static class ManagedDatabaseBuilder
{
    /// <summary>
    /// What MonitoringRoleArn says when Enhanced Monitoring is on but the caller has no role for RDS to
    /// publish its metrics with (AWS rejects a monitoring interval without one).
    /// </summary>
    public const string MonitoringRolePlaceholder = "<RDS enhanced monitoring role ARN: operator setting>";

    internal const string Component = "database";
    private const string SetupComponent = "database-setup";
    private const string SqlVolume = "sql";
    private const string SqlDirectory = "/etc/skyforge/sql";
    private const string SqlFile = "databases.sql";
    private const string TmpVolume = "tmp";

    /// <summary>The database as it is before AWS has reported its endpoints (render).</summary>
    public static DesiredState Build(ManagedDatabase resource, BuildContext context, ISecretSource secrets) =>
        Build(resource, context, secrets, ConnectionEndpoints.None, monitoringRoleArn: null);

    /// <param name="resource">The ManagedDatabase, schema defaults applied.</param>
    /// <param name="context">Operator-wide settings.</param>
    /// <param name="secrets">Source of the master password (and the in-cluster MySQL root password).</param>
    /// <param name="observed">Endpoints AWS assigned, for the connection Secret; ignored in-cluster.</param>
    /// <param name="monitoringRoleArn">IAM role RDS publishes Enhanced Monitoring metrics with; needed when monitoring.intervalSeconds &gt; 0.</param>
    public static DesiredState Build(ManagedDatabase resource, BuildContext context, ISecretSource secrets, ConnectionEndpoints observed, string? monitoringRoleArn)
    {
        var identity = DataServiceIdentity.Of(resource);
        var spec = resource.Spec;
        var masterPassword = secrets.Get(identity.Owner, SecretPurposes.MasterPassword, SecretPurposes.GeneratedLength, asciiSymbols: false);
        var provider = EffectiveDatabase.Provider(spec, context);
        var labels = identity.Labels(EngineLabel(spec), Component);

        if (provider == Provider.Aws)
        {
            var objects = new List<JsonObject>
            {
                ConnectionSecret(identity, spec, provider, labels, observed.Host ?? ConnectionEndpoints.Pending, observed.Port ?? EffectiveDatabase.Port(spec),
                    EffectiveDatabase.Replicas(spec) > 0 ? observed.ReaderHost ?? ConnectionEndpoints.Pending : null, masterPassword),
            };
            objects.AddRange(SetupObjects(identity, spec, ClientImage(spec), rootPasswordSecret: null));
            return new DesiredState(objects, RdsDatabaseCalls.For(identity, spec, context, masterPassword, monitoringRoleArn));
        }

        var server = InClusterDatabase.Build(identity, spec, secrets, masterPassword);
        var inCluster = new List<JsonObject>
        {
            server.CredentialsSecret,
            ConnectionSecret(identity, spec, provider, labels, server.Host, EffectiveDatabase.Port(spec), readerHost: null, masterPassword),
        };
        inCluster.AddRange(server.Objects);
        inCluster.AddRange(SetupObjects(identity, spec, server.Image, server.RootPasswordSecret));
        return new DesiredState(inCluster, []);
    }

    /// <summary>app.kubernetes.io/name of the engine: postgres or mysql (Aurora included).</summary>
    internal static string EngineLabel(ManagedDatabaseSpec spec) => EffectiveDatabase.IsPostgres(spec) ? "postgres" : "mysql";

    private static JsonObject ConnectionSecret(DataServiceIdentity identity, ManagedDatabaseSpec spec, Provider provider, IReadOnlyDictionary<string, string> labels, string host, int port, string? readerHost, string password)
    {
        var username = EffectiveDatabase.MasterUsername(spec);
        var database = EffectiveDatabase.Databases(spec, identity.Name)[0];
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var scheme = EffectiveDatabase.IsPostgres(spec) ? "postgresql" : "mysql";
        var uri = host == ConnectionEndpoints.Pending
            ? ConnectionEndpoints.Pending
            : $"{scheme}://{Uri.EscapeDataString(username)}:{Uri.EscapeDataString(password)}@{host}:{portText}/{database}";
        var data = new List<KeyValuePair<string, string>>
        {
            new(ConnectionSecretKeys.Type, EffectiveDatabase.BindingType(spec)),
            new(ConnectionSecretKeys.Provider, WireName.Of(provider)),
            new(ConnectionSecretKeys.Engine, EffectiveDatabase.EngineName(spec)),
            new(ConnectionSecretKeys.Host, host),
            new(ConnectionSecretKeys.Port, portText),
            new(ConnectionSecretKeys.Username, username),
            new(ConnectionSecretKeys.Password, password),
            new(ConnectionSecretKeys.Database, database),
            new(ConnectionSecretKeys.Uri, uri),
        };
        if (readerHost is not null)
        {
            data.Add(new(ConnectionSecretKeys.ReaderHost, readerHost));
        }
        return Manifest.Secret(identity.Owner, InClusterNames.ConnectionSecret(spec.ConnectionSecretName, identity.Name), labels, data);
    }

    /// <summary>The client image the databases Job runs against an AWS database: postgres:&lt;major&gt; or mysql:&lt;major.minor&gt;.</summary>
    private static InClusterImage ClientImage(ManagedDatabaseSpec spec)
    {
        var parts = EffectiveDatabase.Version(spec).Split('.', '-');
        return EffectiveDatabase.IsPostgres(spec)
            ? InClusterImages.Postgres(parts[0])
            : InClusterImages.MySql(parts.Length > 1 ? $"{parts[0]}.{parts[1]}" : parts[0]);
    }

    /// <summary>
    /// The ConfigMap holding the databases script and the Job running it with the engine's client. The
    /// Job reads host, port and credentials from the connection Secret; in-cluster MySQL connects as root
    /// (<paramref name="rootPasswordSecret"/>) so it can grant the new databases to the master user.
    /// </summary>
    private static IEnumerable<JsonObject> SetupObjects(DataServiceIdentity identity, ManagedDatabaseSpec spec, InClusterImage image, string? rootPasswordSecret)
    {
        var databases = EffectiveDatabase.Databases(spec, identity.Name);
        var masterUsername = EffectiveDatabase.MasterUsername(spec);
        var postgres = EffectiveDatabase.IsPostgres(spec);
        var sql = postgres
            ? DatabaseSetupSql.ForPostgres(databases)
            : DatabaseSetupSql.ForMySql(databases, rootPasswordSecret is null ? null : masterUsername);
        var name = InClusterNames.Job(identity.Name, "databases", sql + image.Reference);
        var connection = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, identity.Name);
        var engine = EngineLabel(spec);
        var labels = identity.Labels(engine, SetupComponent);

        IReadOnlyList<JsonObject> env;
        IReadOnlyList<string> command;
        var sqlPath = $"{SqlDirectory}/{SqlFile}";
        if (postgres)
        {
            env =
            [
                PodParts.EnvFromSecret("PGHOST", connection, ConnectionSecretKeys.Host),
                PodParts.EnvFromSecret("PGPORT", connection, ConnectionSecretKeys.Port),
                PodParts.EnvFromSecret("PGUSER", connection, ConnectionSecretKeys.Username),
                PodParts.EnvFromSecret("PGPASSWORD", connection, ConnectionSecretKeys.Password),
                // The maintenance database every PostgreSQL server (RDS and Aurora included) has.
                PodParts.Env("PGDATABASE", "postgres"),
            ];
            command = ["psql", "-v", "ON_ERROR_STOP=1", "--no-psqlrc", "-f", sqlPath];
        }
        else
        {
            env =
            [
                PodParts.EnvFromSecret("DB_HOST", connection, ConnectionSecretKeys.Host),
                PodParts.EnvFromSecret("DB_PORT", connection, ConnectionSecretKeys.Port),
                rootPasswordSecret is null
                    ? PodParts.EnvFromSecret("DB_USERNAME", connection, ConnectionSecretKeys.Username)
                    : PodParts.Env("DB_USERNAME", InClusterDatabase.MySqlRootUser),
                rootPasswordSecret is null
                    ? PodParts.EnvFromSecret("DB_PASSWORD", connection, ConnectionSecretKeys.Password)
                    : PodParts.EnvFromSecret("DB_PASSWORD", rootPasswordSecret, InClusterDatabase.RootPasswordKey),
            ];
            // An option file keeps the password off the command line.
            command = Shell.Script(
            [
                "set -eu",
                "umask 077",
                "printf '[client]\\nuser=%s\\npassword=%s\\nhost=%s\\nport=%s\\n' \"$DB_USERNAME\" \"$DB_PASSWORD\" \"$DB_HOST\" \"$DB_PORT\" > /tmp/client.cnf",
                $"mysql --defaults-extra-file=/tmp/client.cnf < {Shell.Quote(sqlPath)}",
            ]);
        }

        yield return InClusterWorkloads.ConfigMap(identity, name, labels, [new(SqlFile, sql)]);
        yield return InClusterWorkloads.SetupJob(new SetupJob
        {
            Identity = identity,
            Name = name,
            Engine = engine,
            Component = SetupComponent,
            ContainerName = "create-databases",
            Image = image,
            Command = command,
            Env = env,
            Volumes =
            [
                (PodParts.ConfigMapVolume(SqlVolume, name), PodParts.Mount(SqlVolume, SqlDirectory, readOnly: true)),
                (PodParts.EmptyDirVolume(TmpVolume), PodParts.Mount(TmpVolume, "/tmp")),
            ],
        });
    }
}
