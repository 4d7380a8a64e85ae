using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Dashboard;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Bench;

/// <summary>
/// The CPPCC office's 工作台 (issue 12) for the unit with the most members: the whole panel against the raw SQL that
/// reads the same facts (proposals by status, the rates' facts, 社情民意 with their authors, the members, their
/// registered proposals and reports for 五个一), same run. Target ≤ 2×.
/// </summary>
public static class OfficeBench
{
    public static async Task<string> RunAsync(AppDbContext ctx, DatabaseSettings db, DateOnly today)
    {
        var tenant = await ctx.People.Where(p => p.IsCppccMember).GroupBy(p => p.TenantId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var root = await ctx.Organizations.Where(o => o.TenantId == tenant).OrderBy(o => o.Path.Length).ThenBy(o => o.Id).FirstAsync();
        var scope = new Scope("bench", null, [new Grant(Roles.ProposalOffice, root.Id, root.Path, tenant)]);
        var handler = new GetCppccDashboard.Handler(ctx, new Tongxin.Web.Features.Proposals.GetProposalRates.Handler(ctx),
            new Tongxin.Web.Features.Opinions.GetOpinionStats.Handler(ctx), new Tongxin.Web.Features.Duty.GetFiveOne.Handler(ctx));
        var submitted = 0;
        var app = await SubtreeBench.Time(async () => submitted = (await handler.Handle(scope, today))!.Office!.Funnel[Tongxin.Web.Features.Proposals.ProposalStage.Submitted]);
        var yes = db.Provider == DbProvider.Postgres ? "TRUE" : "1";
        var year = today.Year;
        string[] raw =
        [
            $"SELECT \"Status\", COUNT(*) FROM \"Proposals\" WHERE \"TenantId\" = {tenant} AND \"Year\" = {year} GROUP BY \"Status\"",
            $"SELECT p.\"Id\", p.\"Status\", p.\"Deadline\", p.\"RepliedOn\", p.\"Outcome\", p.\"ResultRating\", (SELECT u.\"OrgId\" FROM \"ProposalUnits\" u WHERE u.\"ProposalId\" = p.\"Id\" AND u.\"IsLead\" = {yes} LIMIT 1) FROM \"Proposals\" p WHERE p.\"TenantId\" = {tenant} AND p.\"Year\" = {year}",
            $"SELECT p.\"Id\", p.\"Name\", p.\"Sector\", o.\"Status\", o.\"ForwardedTo\", o.\"Instruction\" FROM \"OpinionReports\" o JOIN \"People\" p ON p.\"Id\" = o.\"AuthorPersonId\" WHERE o.\"TenantId\" = {tenant} AND o.\"Year\" = {year} AND o.\"Status\" <> 'Draft'",
            $"SELECT \"Id\", \"Name\", \"Sector\" FROM \"People\" WHERE \"TenantId\" = {tenant} AND \"IsCppccMember\" = {yes}",
            $"SELECT s.\"PersonId\", p.\"Id\", p.\"Title\" FROM \"ProposalSigners\" s JOIN \"Proposals\" p ON p.\"Id\" = s.\"ProposalId\" JOIN \"People\" m ON m.\"Id\" = s.\"PersonId\" WHERE m.\"TenantId\" = {tenant} AND m.\"IsCppccMember\" = {yes} AND s.\"ConfirmedAt\" IS NOT NULL AND p.\"Year\" = {year} AND p.\"Status\" IN ('Registered','Assigned','Replied','Rated','Closed')",
            $"SELECT o.\"AuthorPersonId\", o.\"Id\", o.\"Title\" FROM \"OpinionReports\" o JOIN \"People\" m ON m.\"Id\" = o.\"AuthorPersonId\" WHERE m.\"TenantId\" = {tenant} AND m.\"IsCppccMember\" = {yes} AND o.\"Year\" = {year} AND o.\"Status\" <> 'Draft'",
        ];
        var rawMs = await SubtreeBench.Time(async () =>
        {
            var rows = 0;
            foreach (var sql in raw) rows += await SubtreeBench.RawAsync(db, sql, "");
            return rows;
        });
        var members = await ctx.People.CountAsync(p => p.TenantId == tenant && p.IsCppccMember);
        return $"| the CPPCC office of the unit with the most members ({members:N0} members, {submitted:N0} proposals) | {app:F1} | {rawMs:F1} | {app / rawMs:F2} |";
    }
}
