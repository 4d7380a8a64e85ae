using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Bench;

/// <summary>
/// The app's subtree questions (tree of one city, first page of its people with the total) against hand-written
/// SQL answering the same question on the same connection string, measured in the same run.
/// </summary>
public static class SubtreeBench
{
    const int Warmup = 3, Runs = 15;

    public static async Task<IEnumerable<string>> RunAsync(AppDbContext ctx, DatabaseSettings db)
    {
        var city = await ctx.Organizations.Where(o => o.Type == OrgType.CityCppcc).OrderBy(o => o.Id).FirstAsync();
        var scope = new Scope("bench", null, [new Grant(Roles.PartyAdmin, city.Id, city.Path, city.TenantId)]);
        var tree = new GetOrgTree.Handler(ctx);
        var list = new ListPeople.Handler(ctx);
        var rows = new List<string> { "", "| question | app (EF) median ms | raw SQL median ms | ratio app/raw |", "|---|---|---|---|" };

        var treeCount = 0;
        var appTree = await Time(async () => treeCount = Count(await tree.Handle(scope)));
        var rawTree = await Time(() => RawAsync(db, """
            SELECT o."Id", o."ParentId", o."Name", o."Type", o."Path", (SELECT COUNT(*) FROM "People" p WHERE p."OrgId" = o."Id")
            FROM "Organizations" o WHERE o."Path" LIKE @prefix AND o."ClosedAt" IS NULL ORDER BY o."Depth", o."SortOrder", o."Id"
            """, city.Path + "%"));
        rows.Add(Row($"org tree of one city ({treeCount:N0} nodes)", appTree, rawTree));

        var total = 0;
        var appPage = await Time(async () => total = (await list.Handle(new ListPeople.Query(Page: 5), scope)).Value!.Total);
        var rawPage = await Time(async () =>
        {
            await RawAsync(db, """SELECT COUNT(*) FROM "People" p WHERE p."OrgId" IN (SELECT "Id" FROM "Organizations" WHERE "Path" LIKE @prefix)""", city.Path + "%");
            return await RawAsync(db, """
                SELECT p.*, o."Name", o."Path" FROM "People" p JOIN "Organizations" o ON o."Id" = p."OrgId"
                WHERE p."OrgId" IN (SELECT "Id" FROM "Organizations" WHERE "Path" LIKE @prefix)
                ORDER BY p."NameInitials", p."Id" LIMIT 20 OFFSET 80
                """, city.Path + "%");
        });
        rows.Add(Row($"people of one city, page 5 of {total:N0}, with total", appPage, rawPage));

        // 三会一课 compliance of one city for 2026, seen on 2026-11-22.
        var compliance = new Tongxin.Web.Features.OrgLife.GetCompliance.Handler(ctx);
        var year = Tongxin.Web.Features.OrgLife.Period.Of(Tongxin.Web.Features.OrgLife.RulePeriod.Year, new DateOnly(2026, 11, 22));
        var units = 0;
        var appCompliance = await Time(async () => units = (await compliance.Handle(scope, null, year, new DateOnly(2026, 11, 22)))!.Units.Count);
        var month = db.Provider == DbProvider.Postgres ? "date_trunc('month', a.\"StartsAt\")" : "substr(a.\"StartsAt\", 1, 7)";
        // The same question in hand-written SQL: the units, held meetings counted per unit/type/month, which units
        // have a committee, and each member's attendance — what the page shows, without the calendar evaluation.
        const string subtree = """SELECT "Id" FROM "Organizations" WHERE "Path" LIKE @prefix AND "ClosedAt" IS NULL""";
        var rawCompliance = await Time(async () =>
            await RawAsync(db, """SELECT "Id", "Name", "Type", "TenantId", "StartDate", "EndDate" FROM "Organizations" WHERE "Path" LIKE @prefix AND "ClosedAt" IS NULL ORDER BY "Path" """, city.Path + "%")
            + await RawAsync(db, $"""
                SELECT a."OrgId", a."Type", {month}, COUNT(*) FROM "Activities" a
                WHERE a."OrgId" IN ({subtree})
                  AND a."Status" = 'Held' AND a."StartsAt" >= '2025-12-31 16:00:00' AND a."StartsAt" < '2026-12-31 16:00:00'
                GROUP BY a."OrgId", a."Type", {month}
                """, city.Path + "%")
            + await RawAsync(db, $"""SELECT DISTINCT "OrgId" FROM "CommitteeMembers" WHERE "OrgId" IN ({subtree})""", city.Path + "%")
            + await RawAsync(db, $"""
                SELECT p."Id", p."Name", o."Name", COUNT(*), SUM(CASE WHEN x."SignedInAt" IS NULL THEN 0 ELSE 1 END)
                FROM "Attendees" x JOIN "Activities" a ON a."Id" = x."ActivityId" JOIN "People" p ON p."Id" = x."PersonId"
                JOIN "Organizations" o ON o."Id" = p."OrgId"
                WHERE a."OrgId" IN ({subtree}) AND a."Status" = 'Held' AND a."StartsAt" >= '2025-12-31 16:00:00' AND a."StartsAt" < '2026-12-31 16:00:00'
                GROUP BY p."Id", p."Name", o."Name"
                """, city.Path + "%"));
        rows.Add(Row($"三会一课 compliance of one city for a year ({units:N0} units)", appCompliance, rawCompliance));
        return rows;
    }

    static int Count(List<GetOrgTree.Node> nodes) => nodes.Sum(n => 1 + Count(n.Children));

    static string Row(string q, double app, double raw) => $"| {q} | {app:F1} | {raw:F1} | {app / raw:F2} |";

    internal static async Task<double> Time<T>(Func<Task<T>> work, int warmup = Warmup, int runs = Runs)
    {
        for (var i = 0; i < warmup; i++) await work();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await work();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }

    internal static async Task<int> RawAsync(DatabaseSettings db, string sql, string prefix)
    {
        await using DbConnection conn = db.Provider == DbProvider.Postgres
            ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "prefix";
        p.Value = prefix;
        cmd.Parameters.Add(p);
        cmd.CommandTimeout = 600;
        // Every value is read, as any caller of the query would: a result never read answers nothing.
        await using var r = await cmd.ExecuteReaderAsync();
        var n = 0;
        var values = new object[r.FieldCount];
        while (await r.ReadAsync()) { r.GetValues(values); n++; }
        return n;
    }
}
