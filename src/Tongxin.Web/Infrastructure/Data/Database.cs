using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Migrations;

namespace Tongxin.Web.Infrastructure.Data;

public enum DbProvider { Sqlite, Postgres }

public sealed record DatabaseSettings(DbProvider Provider, string ConnectionString)
{
    /// <summary>Tongxin:Database:Provider (Sqlite | Postgres) and ConnectionStrings:Tongxin; SQLite under data/ by default.</summary>
    public static DatabaseSettings From(IConfiguration config, string contentRoot)
    {
        var provider = Enum.TryParse<DbProvider>(config["Tongxin:Database:Provider"], ignoreCase: true, out var p)
            ? p : DbProvider.Sqlite;
        var cs = config.GetConnectionString("Tongxin");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DbProvider.Postgres)
                throw new InvalidOperationException("ConnectionStrings:Tongxin is required for PostgreSQL.");
            var dir = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dir);
            cs = $"Data Source={Path.Combine(dir, "tongxin.db")}";
        }
        return new DatabaseSettings(provider, cs);
    }

    public void Configure(DbContextOptionsBuilder o)
    {
        if (Provider == DbProvider.Postgres) o.UseNpgsql(ConnectionString);
        else o.UseSqlite(ConnectionString).AddInterceptors(SqliteSubtreeIndexing.Instance);
    }

    /// <summary>Brings the schema up to date with the one hand-written migration set (or up to <paramref name="version"/>, for tests of a migration's data).</summary>
    public void Migrate(long? version = null)
    {
        if (Provider == DbProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } dir) Directory.CreateDirectory(dir);
            using var conn = new SqliteConnection(ConnectionString);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            cmd.ExecuteNonQuery();
        }
        using var sp = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(rb =>
            {
                if (Provider == DbProvider.Postgres) rb.AddPostgres(); else rb.AddSQLite();
                rb.WithGlobalConnectionString(ConnectionString)
                  .ScanIn(typeof(M0001_Foundation).Assembly).For.Migrations();
            })
            .BuildServiceProvider(false);
        var runner = sp.GetRequiredService<IMigrationRunner>();
        if (version is { } v) runner.MigrateUp(v); else runner.MigrateUp();
    }
}
