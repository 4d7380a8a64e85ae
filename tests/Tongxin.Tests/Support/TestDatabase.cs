using Microsoft.Data.Sqlite;
using Npgsql;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Tests.Support;

/// <summary>
/// A fresh, real database per fixture: a SQLite file, or a new database on the PostgreSQL server that
/// test.sh started (TONGXIN_TEST_PROVIDER=Postgres, TONGXIN_TEST_PG=admin connection string).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public DbProvider Provider { get; }
    public string ConnectionString { get; }
    readonly string? sqliteFile;
    readonly string? pgName;

    public static DbProvider CurrentProvider =>
        string.Equals(Environment.GetEnvironmentVariable("TONGXIN_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DbProvider.Postgres : DbProvider.Sqlite;

    static string PgAdmin => Environment.GetEnvironmentVariable("TONGXIN_TEST_PG")
        ?? throw new InvalidOperationException("TONGXIN_TEST_PG is not set; run the suite through ./test.sh");

    public TestDatabase()
    {
        Provider = CurrentProvider;
        if (Provider == DbProvider.Postgres)
        {
            pgName = $"tongxin_test_{Guid.NewGuid():N}";
            using var conn = new NpgsqlConnection(PgAdmin);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{pgName}\" TEMPLATE template0 ENCODING 'UTF8'", conn);
            cmd.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(PgAdmin) { Database = pgName }.ConnectionString;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"tongxin-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={sqliteFile}";
        }
    }

    public DatabaseSettings Settings => new(Provider, ConnectionString);

    public void Dispose()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" }) File.Delete(f);
        }
        if (pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(PgAdmin);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgName}\" WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
    }
}
