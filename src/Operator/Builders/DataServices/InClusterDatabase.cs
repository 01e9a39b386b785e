using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>An in-cluster PostgreSQL or MySQL server: credentials Secret, Services and StatefulSet.</summary>
internal static class InClusterDatabase
{
    public const string MySqlRootUser = "root";
    public const string RootPasswordKey = "root-password";
    private const string UsernameKey = "username";
    private const string PasswordKey = "password";

    /// <summary>The objects of the server and what the rest of the database's desired state needs from it.</summary>
    /// <param name="CredentialsSecret">The Secret the server reads its passwords from.</param>
    /// <param name="Objects">Services and StatefulSet, in apply order.</param>
    /// <param name="Host">The client Service's DNS name.</param>
    /// <param name="Image">The server image (its client tools run the databases Job).</param>
    /// <param name="RootPasswordSecret">For MySQL with a master user other than root: the Secret holding the root password.</param>
    public sealed record Server(JsonObject CredentialsSecret, IReadOnlyList<JsonObject> Objects, string Host, InClusterImage Image, string? RootPasswordSecret);

    public static Server Build(DataServiceIdentity identity, ManagedDatabaseSpec spec, ISecretSource secrets, string masterPassword)
    {
        if (EffectiveDatabase.IsAurora(spec))
        {
            throw new ArgumentException($"{EffectiveDatabase.EngineName(spec)} runs on AWS only: use engine postgres or mysql in-cluster", nameof(spec));
        }
        var postgres = EffectiveDatabase.IsPostgres(spec);
        var engine = ManagedDatabaseBuilder.EngineLabel(spec);
        var labels = identity.Labels(engine, ManagedDatabaseBuilder.Component);
        var credentialsName = InClusterNames.CredentialsSecret(identity.Name);
        var username = EffectiveDatabase.MasterUsername(spec);
        var usesRoot = !postgres && string.Equals(username, MySqlRootUser, StringComparison.OrdinalIgnoreCase);

        var credentials = new List<KeyValuePair<string, string>> { new(UsernameKey, username), new(PasswordKey, masterPassword) };
        if (!postgres && !usesRoot)
        {
            credentials.Add(new(RootPasswordKey, secrets.Get(identity.Owner, SecretPurposes.RootPassword, SecretPurposes.GeneratedLength, asciiSymbols: false)));
        }
        var credentialsSecret = Manifest.Secret(identity.Owner, credentialsName, labels, credentials);

        var version = EffectiveDatabase.Version(spec);
        var database = EffectiveDatabase.Databases(spec, identity.Name)[0];
        var port = EffectiveDatabase.Port(spec);
        var workload = postgres
            ? Postgres(identity, spec, credentialsName, username, database, version, port)
            : MySql(identity, spec, credentialsName, username, usesRoot, database, version, port);

        var clientService = InClusterNames.ClientService(identity.Name);
        var objects = new List<JsonObject>
        {
            InClusterWorkloads.HeadlessService(workload),
            InClusterWorkloads.ClientService(workload, clientService, identity.Selector(engine, ManagedDatabaseBuilder.Component), workload.Ports),
            InClusterWorkloads.StatefulSet(workload),
        };
        return new Server(credentialsSecret, objects, $"{clientService}.{identity.Owner.Namespace}.svc", workload.Image, postgres || usesRoot ? null : credentialsName);
    }

    /// <summary>
    /// The postgres image's entrypoint initialises the data directory on first start from POSTGRES_USER,
    /// POSTGRES_PASSWORD and POSTGRES_DB. The volume is mounted where the image declares its VOLUME (so
    /// the runtime adds no anonymous volume over it) and PGDATA is a directory inside it, so initdb gets an
    /// empty directory even where the file system keeps lost+found at its root. The root file system stays
    /// read-only with emptyDirs for the socket directory and /tmp.
    /// </summary>
    private static EngineWorkload Postgres(DataServiceIdentity identity, ManagedDatabaseSpec spec, string credentials, string username, string database, string version, int port)
    {
        string[] ready = ["pg_isready", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", username, "-d", database];
        return new EngineWorkload
        {
            Identity = identity,
            Engine = "postgres",
            Component = ManagedDatabaseBuilder.Component,
            Image = InClusterImages.Postgres(version),
            Replicas = 1,
            Env =
            [
                PodParts.Env("POSTGRES_USER", username),
                PodParts.EnvFromSecret("POSTGRES_PASSWORD", credentials, PasswordKey),
                PodParts.Env("POSTGRES_DB", database),
                PodParts.Env("PGDATA", "/var/lib/postgresql/data/pgdata"),
            ],
            Ports = [("postgres", port)],
            ReadinessProbe = PodParts.ExecProbe(ready, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6),
            LivenessProbe = PodParts.ExecProbe(ready, initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6),
            DataPath = "/var/lib/postgresql/data",
            StorageGiB = EffectiveDatabase.InClusterStorageGiB(spec),
            ExtraVolumes =
            [
                (PodParts.EmptyDirVolume("run"), PodParts.Mount("run", "/var/run/postgresql")),
                (PodParts.EmptyDirVolume("tmp"), PodParts.Mount("tmp", "/tmp")),
            ],
            Resources = spec.Resources,
            DeleteVolumesWithResource = spec.DeletionPolicy == DeletionPolicy.Delete,
        };
    }

    /// <summary>
    /// The mysql image's entrypoint initialises the data directory on first start from the root password
    /// and, unless the master user is root, MYSQL_USER/MYSQL_PASSWORD/MYSQL_DATABASE. mysqladmin ping
    /// succeeds once the server answers on TCP, even without credentials, so the probes hold no secret.
    /// The data directory is a directory inside the volume, which MySQL's initialisation needs empty
    /// (file systems may keep lost+found at the volume's root).
    /// </summary>
    private static EngineWorkload MySql(DataServiceIdentity identity, ManagedDatabaseSpec spec, string credentials, string username, bool usesRoot, string database, string version, int port)
    {
        var env = new List<JsonObject>
        {
            PodParts.EnvFromSecret("MYSQL_ROOT_PASSWORD", credentials, usesRoot ? PasswordKey : RootPasswordKey),
        };
        if (!usesRoot)
        {
            env.Add(PodParts.Env("MYSQL_USER", username));
            env.Add(PodParts.EnvFromSecret("MYSQL_PASSWORD", credentials, PasswordKey));
        }
        env.Add(PodParts.Env("MYSQL_DATABASE", database));
        string[] ping = ["mysqladmin", "ping", "-h", "127.0.0.1", "--silent"];
        return new EngineWorkload
        {
            Identity = identity,
            Engine = "mysql",
            Component = ManagedDatabaseBuilder.Component,
            Image = InClusterImages.MySql(version),
            Replicas = 1,
            Args = ["mysqld", "--datadir=/var/lib/mysql/data"],
            Env = env,
            Ports = [("mysql", port)],
            ReadinessProbe = PodParts.ExecProbe(ping, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6),
            LivenessProbe = PodParts.ExecProbe(ping, initialDelaySeconds: 60, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6),
            DataPath = "/var/lib/mysql",
            StorageGiB = EffectiveDatabase.InClusterStorageGiB(spec),
            ExtraVolumes =
            [
                (PodParts.EmptyDirVolume("run"), PodParts.Mount("run", "/var/run/mysqld")),
                (PodParts.EmptyDirVolume("files"), PodParts.Mount("files", "/var/lib/mysql-files")),
                (PodParts.EmptyDirVolume("tmp"), PodParts.Mount("tmp", "/tmp")),
            ],
            Resources = spec.Resources,
            DeleteVolumesWithResource = spec.DeletionPolicy == DeletionPolicy.Delete,
        };
    }
}
