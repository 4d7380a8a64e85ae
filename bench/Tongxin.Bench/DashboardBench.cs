using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Dashboard;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Stars;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Bench;

/// <summary>
/// The 工作台 of a city's party-affairs administrator at province scale (issue 12): server time of the whole party
/// panel against the raw SQL that reads the same facts (held meetings per unit and type, attendance per held
/// meeting, star ratings, points per branch and category, open alerts) over the same subtree, same run — the subtree
/// as a path range, which both databases answer from the path index. Target ≤ 2×.
/// </summary>
public static class DashboardBench
{
    public static async Task<IEnumerable<string>> RunAsync(AppDbContext ctx, DatabaseSettings db)
    {
        var city = await ctx.Organizations.Where(o => o.Type == OrgType.CityCppcc).OrderBy(o => o.Id).FirstAsync();
        var scope = new Scope("bench", null, [new Grant(Roles.PartyAdmin, city.Id, city.Path, city.TenantId)]);
        var today = Tongxin.Web.Shared.Clock.Today;
        var handler = new GetPartyDashboard.Handler(ctx, new GetCompliance.Handler(ctx), new GetStarsOverview.Handler(ctx));
        var bars = 0;
        var app = await SubtreeBench.Time(async () => bars = (await handler.Handle(scope, today)).ComplianceByGroup.Count);

        // The points chart shows the first branches in tree order; the raw SQL sums the same ones.
        var shown = string.Join(",", await ctx.People.Where(p => p.PartyStatus != Tongxin.Web.Features.People.PartyStatus.None && ctx.Organizations.Any(o => o.Id == p.OrgId && o.Path.StartsWith(city.Path)))
            .Select(p => p.OrgId).Distinct().Join(ctx.Organizations, id => id, o => o.Id, (_, o) => o).OrderBy(o => o.Path).Take(OrgGroups.MaxBars).Select(o => o.Id).ToListAsync());
        // Where the app's time goes, part by part (same run), so the next change aims at the largest.
        var period = Period.Of(RulePeriod.Year, today);
        var parts = new List<string>
        {
            $"compliance {await SubtreeBench.Time(async () => (await new GetCompliance.Handler(ctx).Handle(scope, null, period, today, withMembers: false))!.Units.Count):F1}",
            $"stars {await SubtreeBench.Time(async () => (await new GetStarsOverview.Handler(ctx).Handle(scope, StarYear.Default(today))).Rows.Count):F1}",
            $"attendance {await SubtreeBench.Time(async () => (await AttendanceByMonth.ForAsync(ctx, ctx.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View)).Select(o => o.Id), ActivityTypes.All.Select(t => t.Type).ToList(), today.Year, today, default)).Count):F1}",
        };
        var from = Tongxin.Web.Shared.Clock.ToUtc(new DateTime(today.Year, 1, 1)).ToString("yyyy-MM-dd HH:mm:ss");
        var to = Tongxin.Web.Shared.Clock.ToUtc(new DateTime(today.Year + 1, 1, 1)).ToString("yyyy-MM-dd HH:mm:ss");
        var stamp = db.Provider == DbProvider.Postgres ? "::timestamptz" : "";
        string[] raw =
        [
            // Held meetings per unit and type (what the compliance calendar counts).
            $"""SELECT a."OrgId", a."Type", a."StartsAt" FROM "Activities" a JOIN "Organizations" o ON o."Id" = a."OrgId" WHERE o."Path" >= @prefix AND o."Path" < @prefix || '~' AND a."Status" = 'Held' AND a."StartsAt" >= '{from}'{stamp} AND a."StartsAt" < '{to}'{stamp}""",
            // Expected and present per held meeting with attendees (the attendance line).
            $"""SELECT a."Id", a."StartsAt", COUNT(*), COUNT(x."SignedInAt") FROM "Attendees" x JOIN "Activities" a ON a."Id" = x."ActivityId" JOIN "Organizations" o ON o."Id" = a."OrgId" WHERE o."Path" >= @prefix AND o."Path" < @prefix || '~' AND a."Status" = 'Held' AND a."StartsAt" >= '{from}'{stamp} AND a."StartsAt" < '{to}'{stamp} GROUP BY a."Id", a."StartsAt" """,
            // Star ratings of the branches.
            $"""SELECT r."OrgId", r."Status", r."ReviewStars" FROM "StarRatings" r JOIN "Organizations" o ON o."Id" = r."OrgId" WHERE o."Path" >= @prefix AND o."Path" < @prefix || '~' AND r."Year" IN ({StarYear.Default(today)}, {StarYear.Default(today) - 1})""",
            // Points per branch and category, and members per branch.
            $"""SELECT p."OrgId", e."Category", SUM(e."Points") FROM "PointEntries" e JOIN "People" p ON p."Id" = e."PersonId" JOIN "Organizations" o ON o."Id" = p."OrgId" WHERE o."Path" >= @prefix AND o."Path" < @prefix || '~' AND e."Year" = {today.Year} AND p."PartyStatus" <> 'None' AND p."OrgId" IN ({shown}) GROUP BY p."OrgId", e."Category" """,
            """SELECT p."OrgId", COUNT(*) FROM "People" p JOIN "Organizations" o ON o."Id" = p."OrgId" WHERE o."Path" >= @prefix AND o."Path" < @prefix || '~' AND p."PartyStatus" <> 'None' GROUP BY p."OrgId" """,
            // Open alerts by kind.
            """SELECT al."Kind", COUNT(*) FROM "Alerts" al JOIN "Organizations" o ON o."Id" = al."OrgId" WHERE o."Path" >= @prefix AND o."Path" < @prefix || '~' AND al."ClosedAt" IS NULL GROUP BY al."Kind" """,
        ];
        var rawMs = await SubtreeBench.Time(async () =>
        {
            var rows = 0;
            foreach (var sql in raw) rows += await SubtreeBench.RawAsync(db, sql, city.Path);
            return rows;
        });
        var orgs = await ctx.Organizations.CountAsync(o => o.Path.StartsWith(city.Path));
        return
        [
            "", "| 工作台 of | app median ms | raw SQL of the same facts ms | ratio |", "|---|---|---|---|",
            $"| a city's party-affairs administrator ({orgs:N0} organisations, {bars} bars) | {app:F1} | {rawMs:F1} | {app / rawMs:F2} |",
            await OfficeBench.RunAsync(ctx, db, today),
            "", $"parts of the app's time (ms): {string.Join("; ", parts)}",
        ];
    }
}
