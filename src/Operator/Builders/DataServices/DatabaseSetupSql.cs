using System.Text;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// The SQL the databases Job runs: it creates each logical database unless it exists, so running it
/// again (a retried Job, a database added to the list) changes nothing that is already there.
/// </summary>
public static class DatabaseSetupSql
{
    /// <summary>
    /// A psql script: for each database, a query that yields CREATE DATABASE only when pg_database has no
    /// such name, executed by \gexec (CREATE DATABASE cannot run inside a DO block or function).
    /// </summary>
    public static string ForPostgres(IEnumerable<string> databases)
    {
        var script = new StringBuilder();
        foreach (var database in databases)
        {
            var create = "CREATE DATABASE " + QuotePostgresIdentifier(database);
            script.Append("SELECT ").Append(QuoteLiteral(create))
                .Append(" WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = ").Append(QuoteLiteral(database)).Append(")\\gexec\n");
        }
        return script.ToString();
    }

    /// <summary>
    /// A mysql script: CREATE DATABASE IF NOT EXISTS for each database and, when <paramref name="grantTo"/>
    /// is given, all privileges on it to that user (in-cluster MySQL, where root creates the databases
    /// for the application's user; on RDS and Aurora the master user owns what it creates).
    /// </summary>
    public static string ForMySql(IEnumerable<string> databases, string? grantTo)
    {
        var script = new StringBuilder();
        foreach (var database in databases)
        {
            var quoted = QuoteMySqlIdentifier(database);
            script.Append("CREATE DATABASE IF NOT EXISTS ").Append(quoted).Append(";\n");
            if (grantTo is not null)
            {
                script.Append("GRANT ALL PRIVILEGES ON ").Append(quoted).Append(".* TO ").Append(QuoteLiteral(grantTo)).Append("@'%';\n");
            }
        }
        return script.ToString();
    }

    private static string QuotePostgresIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteMySqlIdentifier(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>
    /// A SQL string literal with quotes doubled. Its inputs are schema-validated names (letters, digits,
    /// underscores), so no backslash ever meets MySQL's escape handling.
    /// </summary>
    private static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
