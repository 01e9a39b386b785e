using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>The database engine.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatabaseEngine>))]
public enum DatabaseEngine
{
    [JsonStringEnumMemberName("postgres")]
    Postgres,

    [JsonStringEnumMemberName("mysql")]
    MySql,

    [JsonStringEnumMemberName("aurora-postgresql")]
    AuroraPostgreSql,

    [JsonStringEnumMemberName("aurora-mysql")]
    AuroraMySql,
}
