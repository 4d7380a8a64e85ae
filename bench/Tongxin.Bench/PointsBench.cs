using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Bench;

/// <summary>
/// 党员积分 at scale: the year totals by category and the per-branch distribution (积分统计) for one city's organ party
/// committee and for the whole province, against hand-written SQL answering the same question; and the latency of
/// one award as it happens (a sign-in with its attendance points; a second person approving a manual award) against
/// one bare INSERT into the ledger. Same database, same run.
/// </summary>
public static class PointsBench
{
    const int Events = 200;

    public static async Task<IEnumerable<string>> RunAsync(AppDbContext ctx, DatabaseSettings db)
    {
        var rows = new List<string> { "", "| 积分统计, year 2026 | app (EF) median ms | raw SQL median ms | ratio app/raw |", "|---|---|---|---|" };
        var city = await ctx.Organizations.Where(o => o.Type == OrgType.CityCppcc).OrderBy(o => o.Id).FirstAsync();
        var province = await ctx.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).FirstAsync();
        foreach (var (label, root) in new[] { ("one city", city), ("the province", province) })
        {
            var scope = new Scope("bench", null, [new Grant(Roles.PartyAdmin, root.Id, root.Path, root.TenantId)]);
            var overview = new GetPointsOverview.Handler(ctx);
            var (members, branches) = (0, 0);
            var app = await SubtreeBench.Time(async () => { var v = await overview.Handle(scope, 2026); (members, branches) = (v.Members.Count, v.Branches.Count); return 0; }, 1, 5);
            var raw = await SubtreeBench.Time(async () => Distribution(await RawMembersAsync(db, root.Path + "%")).Count, 1, 5);
            rows.Add($"| totals by category for {members:N0} members and the spread over {branches:N0} branches, {label} | {app:F0} | {raw:F0} | {app / raw:F2} |");
        }

        rows.AddRange(await AwardLatencyAsync(db, city));
        return rows;
    }

    // Each member with their sums by category (people without entries included), in branch and name order.
    const string MembersSql = """
        SELECT p."Id", p."Name", o."Name", 
               COALESCE(SUM(CASE WHEN e."Category" = 'Study' THEN e."Points" END), 0), COALESCE(SUM(CASE WHEN e."Category" = 'Duty' THEN e."Points" END), 0),
               COALESCE(SUM(CASE WHEN e."Category" = 'Conduct' THEN e."Points" END), 0), COALESCE(SUM(CASE WHEN e."Category" = 'Appraisal' THEN e."Points" END), 0)
        FROM "People" p JOIN "Organizations" o ON o."Id" = p."OrgId"
        LEFT JOIN "PointEntries" e ON e."PersonId" = p."Id" AND e."Year" = 2026
        WHERE p."OrgId" IN (SELECT "Id" FROM "Organizations" WHERE "Path" LIKE @prefix) AND p."PartyStatus" <> 'None'
        GROUP BY p."Id", p."Name", o."Name", o."Path", p."NameInitials"
        ORDER BY o."Path", p."NameInitials"
        """;

    sealed record RawMember(long Id, string Name, string Org, long[] ByCategory);

    static async Task<List<RawMember>> RawMembersAsync(DatabaseSettings db, string prefix)
    {
        await using DbConnection conn = db.Provider == DbProvider.Postgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = MembersSql;
        cmd.CommandTimeout = 600;
        var p = cmd.CreateParameter();
        (p.ParameterName, p.Value) = ("prefix", prefix);
        cmd.Parameters.Add(p);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<RawMember>();
        while (await r.ReadAsync())
            rows.Add(new RawMember(r.GetInt64(0), r.GetString(1), r.GetString(2), [r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)]));
        return rows;
    }

    // The branch spread the page shows, folded from the rows as the page does (base 60, floor 0).
    static List<(string Org, int Count, double Avg, long Min, long Max)> Distribution(List<RawMember> rows) =>
        rows.Select(m => (m.Org, Total: Math.Max(0, 60 + m.ByCategory.Sum()))).GroupBy(m => m.Org)
            .Select(g => (g.Key, g.Count(), g.Average(m => m.Total), g.Min(m => m.Total), g.Max(m => m.Total))).ToList();

    static async Task<IEnumerable<string>> AwardLatencyAsync(DatabaseSettings db, Organization city)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        db.Configure(options);
        var scope = new Scope("bench", null, [new Grant(Roles.PartyAdmin, city.Id, city.Path, city.TenantId)]);
        List<long> people; long activityId; byte[] secret;
        await using (var ctx = new AppDbContext(options.Options))
        {
            var orgIds = ctx.Organizations.Where(o => o.Path.StartsWith(city.Path)).Select(o => o.Id);
            people = await ctx.People.Where(p => orgIds.Contains(p.OrgId)).OrderBy(p => p.Id).Take(Events).Select(p => p.Id).ToListAsync();
            var branch = await ctx.Organizations.Where(o => o.Path.StartsWith(city.Path) && o.Type == OrgType.OrganBranch).OrderBy(o => o.Id).FirstAsync();
            (activityId, secret) = await OpenMeeting.CreateAsync(ctx, branch, "集中学习", people);
        }
        var token = SignInToken.Issue(activityId, secret, DateTimeOffset.UtcNow);

        var bare = await OneByOneAsync(async i =>
        {
            await using DbConnection conn = db.Provider == DbProvider.Postgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"""
                INSERT INTO "PointEntries" ("TenantId","PersonId","Year","Category","Points","Reason","RuleCode","RuleVersion","SourceKey","AwardedBy","On","At")
                VALUES ({city.TenantId}, {people[i]}, 2026, 'Study', 1, '基准', 'bench', 0, 'bench:{i}', 'bench', '2026-11-23', '{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}')
                """;
            await cmd.ExecuteNonQueryAsync();
        });
        var signIn = await OneByOneAsync(async i =>
        {
            await using var ctx = new AppDbContext(options.Options);
            var r = await new SignIn.Handler(ctx).WithTokenAsync(token, people[i], DateTime.UtcNow);
            if (!r.Ok) throw new InvalidOperationException(r.Error!.Message);
        });
        var proposals = new List<long>();
        foreach (var p in people)
        {
            await using var ctx = new AppDbContext(options.Options);
            var r = await new ManualAward.Handler(ctx).ProposeAsync(p, "award", "获评优秀共产党员", "表彰文件", scope, "proposer", DateTime.UtcNow);
            proposals.Add(r.Value);
        }
        var approve = await OneByOneAsync(async i =>
        {
            await using var ctx = new AppDbContext(options.Options);
            var r = await new ManualAward.Handler(ctx).DecideAsync(proposals[i], true, null, scope, "approver", DateTime.UtcNow);
            if (!r.Ok) throw new InvalidOperationException(r.Error!.Message);
        });
        await using (var ctx = new AppDbContext(options.Options))
        {
            var written = await ctx.PointEntries.CountAsync(e => e.SourceKey.StartsWith("signin:") && e.ActivityId == activityId)
                + await ctx.PointEntries.CountAsync(e => proposals.Select(p => "proposal:" + p).Contains(e.SourceKey));
            if (written != 2 * Events) throw new InvalidOperationException($"expected {2 * Events} awards, found {written}");
        }
        return
        [
            "", $"| one award as it happens, {Events} events one after another | p50 ms | p99 ms | p50 ratio to bare |", "|---|---|---|---|",
            $"| bare INSERT of one ledger row | {bare.P50:F1} | {bare.P99:F1} | 1.00 |",
            $"| sign-in with its attendance points (token, checks, cap, audit, one transaction) | {signIn.P50:F1} | {signIn.P99:F1} | {signIn.P50 / bare.P50:F1} |",
            $"| second person approves a manual award (cap, entry, audit) | {approve.P50:F1} | {approve.P99:F1} | {approve.P50 / bare.P50:F1} |",
        ];
    }

    static async Task<(double P50, double P99)> OneByOneAsync(Func<int, Task> work)
    {
        var r = await HttpSignInBench.BurstAsync(Events, 1, work);
        return (r.P50, r.P99);
    }
}
