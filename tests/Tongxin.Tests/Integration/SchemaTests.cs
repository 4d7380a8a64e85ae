using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tongxin.Tests.Support;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class SchemaTests
{
    [Fact]
    public void Migrations_OnEmptyDatabase_ProduceExactlyTheEfModel()
    {
        using var database = new TestDatabase();
        database.Settings.Migrate();
        database.Settings.Migrate(); // a second run is a no-op

        var options = new DbContextOptionsBuilder<AppDbContext>();
        database.Settings.Configure(options);
        using var db = new AppDbContext(options.Options);

        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null) continue;
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var p in entity.GetProperties())
                expected.Add($"{table}.{p.GetColumnName(store)} {(p.IsColumnNullable(store) ? "NULL" : "NOT NULL")}");
        }

        var actual = new SortedSet<string>(ReadColumns(database), StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    static IEnumerable<string> ReadColumns(TestDatabase database)
    {
        using DbConnection conn = database.Provider == DbProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = database.Provider == DbProvider.Postgres
            ? """
              SELECT c.table_name, c.column_name,
                     CASE WHEN c.is_nullable = 'YES' THEN 1 ELSE 0 END
              FROM information_schema.columns c
              WHERE c.table_schema = 'public' AND c.table_name <> 'VersionInfo'
              """
            : """
              SELECT m.name, p.name, CASE WHEN p."notnull" = 1 OR p.pk > 0 THEN 0 ELSE 1 END
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT IN ('VersionInfo', 'sqlite_sequence')
              """;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add($"{r.GetString(0)}.{r.GetString(1)} {(r.GetInt32(2) == 1 ? "NULL" : "NOT NULL")}");
        return rows;
    }
}
