using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed class DatabaseSetupSqlTests
{
    [Fact]
    public void Postgres_creates_each_missing_database_through_gexec()
    {
        var sql = DatabaseSetupSql.ForPostgres(["inventory", "Billing"]);

        Assert.Equal(
            "SELECT 'CREATE DATABASE \"inventory\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'inventory')\\gexec\n" +
            "SELECT 'CREATE DATABASE \"Billing\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'Billing')\\gexec\n",
            sql);
    }

    [Fact]
    public void Mysql_creates_if_not_exists_and_grants_when_asked()
    {
        Assert.Equal("CREATE DATABASE IF NOT EXISTS `inventory`;\n", DatabaseSetupSql.ForMySql(["inventory"], grantTo: null));
        Assert.Equal(
            "CREATE DATABASE IF NOT EXISTS `billing`;\nGRANT ALL PRIVILEGES ON `billing`.* TO 'dbadmin'@'%';\n",
            DatabaseSetupSql.ForMySql(["billing"], "dbadmin"));
    }

    [Fact]
    public void Quotes_inside_names_cannot_break_out()
    {
        Assert.Contains("\"a\"\"b\"", DatabaseSetupSql.ForPostgres(["a\"b"]), StringComparison.Ordinal);
        Assert.Contains("'it''s'", DatabaseSetupSql.ForPostgres(["it's"]), StringComparison.Ordinal);
        Assert.Contains("`a``b`", DatabaseSetupSql.ForMySql(["a`b"], grantTo: null), StringComparison.Ordinal);
    }
}
