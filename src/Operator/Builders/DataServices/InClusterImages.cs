using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// The official images in-cluster engines and setup Jobs run, and how a spec version maps to an image tag.
/// User and group ids are those the images create for their service account, so pods run as non-root
/// without changing file ownership inside the image.
/// </summary>
public static class InClusterImages
{
    /// <summary>The Docker Hub postgres user (Debian-based tags).</summary>
    private const long PostgresUser = 999;

    /// <summary>The mysql user of the official MySQL image.</summary>
    private const long MySqlUser = 999;

    /// <summary>The redis/valkey user of the official images.</summary>
    private const long RedisUser = 999;

    /// <summary>The appuser of the Apache Kafka image.</summary>
    private const long KafkaUser = 1000;

    /// <summary>The rabbitmq user of the official RabbitMQ image.</summary>
    private const long RabbitMqUser = 999;

    /// <summary>Apache publishes images from Kafka 3.7 on; older versions (MSK's 2.8-3.6) run this one, which speaks their protocol.</summary>
    private const string OldestKafkaImageTag = "3.7.1";

    /// <summary>Apache publishes full versions only: a major.minor version runs its latest patch release known here.</summary>
    private static readonly Dictionary<string, string> KafkaPatchReleases = new(StringComparer.Ordinal)
    {
        ["3.7"] = "3.7.1",
        ["3.8"] = "3.8.1",
        ["3.9"] = "3.9.0",
    };

    /// <summary>curl for HTTP setup calls (RabbitMQ management API, downloading the MSK IAM plugin); runs as curl_user.</summary>
    public static InClusterImage Curl { get; } = new("curlimages/curl:8.11.1", 100, 101);

    /// <summary>postgres:&lt;version&gt; — the spec version is a valid tag (16, 16.3).</summary>
    public static InClusterImage Postgres(string version) => new($"postgres:{version}", PostgresUser, PostgresUser);

    /// <summary>mysql:&lt;version&gt; — the spec version is a valid tag (8.0, 8.0.36, 8.4).</summary>
    public static InClusterImage MySql(string version) => new($"mysql:{version}", MySqlUser, MySqlUser);

    /// <summary>
    /// redis:&lt;version&gt; or valkey/valkey:&lt;version&gt;. ElastiCache's Redis 7.1 has no open-source
    /// release of that number; its open-source counterpart is 7.2, which in-cluster caches run.
    /// </summary>
    public static InClusterImage Redis(CacheEngine engine, string version)
    {
        var tag = version == "7.1" || version.StartsWith("7.1.", StringComparison.Ordinal) ? "7.2" : version;
        var repository = engine == CacheEngine.Valkey ? "valkey/valkey" : "redis";
        return new($"{repository}:{tag}", RedisUser, RedisUser);
    }

    /// <summary>
    /// apache/kafka:&lt;version&gt;: full versions from 3.7 on as given, major.minor versions at their
    /// latest known patch release, and versions before 3.7 at <see cref="OldestKafkaImageTag"/>.
    /// </summary>
    public static InClusterImage Kafka(string version) => new($"apache/kafka:{KafkaTag(version)}", KafkaUser, KafkaUser);

    /// <summary>rabbitmq:&lt;version&gt;-management: the broker with the management plugin (HTTP API on 15672) enabled.</summary>
    public static InClusterImage RabbitMq(string version) => new($"rabbitmq:{version}-management", RabbitMqUser, RabbitMqUser);

    private static string KafkaTag(string version)
    {
        var parts = version.Split('.');
        var major = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var minor = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (major < 3 || (major == 3 && minor < 7))
        {
            return OldestKafkaImageTag;
        }
        return parts.Length > 2 ? version : KafkaPatchReleases.GetValueOrDefault($"{major}.{minor}", version);
    }
}
