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

    [Fact]
    public void DutySchemesKeptWithFixedColumns_BecomeItems_WithTheirValues()
    {
        using var database = new TestDatabase();
        database.Settings.Migrate(2026112508);
        using (var conn = Open(database))
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                INSERT INTO "DutySchemes" ("TenantId", "Year", "Base", "MaxBonus", "PlenaryAbsent", "PlenaryExcused", "ExtraProposal", "KeyProposal",
                    "ExcellentProposal", "PublicGood", "PublicGoodCap", "ExcellentAt", "CompetentAt")
                VALUES (1, 2026, 65, 40, -20, 0, 4, 5, 10, 3, 12, 90, 60)
                """;
            cmd.ExecuteNonQuery();
        }
        database.Settings.Migrate();

        var options = new DbContextOptionsBuilder<AppDbContext>();
        database.Settings.Configure(options);
        using var db = new AppDbContext(options.Options);
        var scheme = db.DutySchemes.Include(s => s.Items).Single();
        Assert.Equal((65, 40, 90, 60), (scheme.Base, scheme.MaxBonus, scheme.ExcellentAt, scheme.CompetentAt));
        var items = scheme.Items.OrderBy(i => i.Fact).Select(i => (i.Fact, i.Points, i.FreeCount, i.Cap)).ToList();
        Assert.Equal(new (Tongxin.Web.Features.Duty.DutyFact, int, int, int?)[]
        {
            (Tongxin.Web.Features.Duty.DutyFact.PlenaryAbsent, -20, 0, null), (Tongxin.Web.Features.Duty.DutyFact.RegisteredProposal, 4, 1, null),
            (Tongxin.Web.Features.Duty.DutyFact.KeyProposal, 5, 0, null), (Tongxin.Web.Features.Duty.DutyFact.ExcellentProposal, 10, 0, null),
            (Tongxin.Web.Features.Duty.DutyFact.PublicGood, 3, 0, 12),
        }, items); // the excused absence was 0: no item
    }

    static DbConnection Open(TestDatabase database)
    {
        DbConnection conn = database.Provider == DbProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        conn.Open();
        return conn;
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
