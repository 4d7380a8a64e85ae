using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Duty;
using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Dashboard;

/// <summary>
/// The CPPCC office's 工作台 for a year: the proposal funnel by stage, 按期办复率 and 满意率, 社情民意 adopted and
/// instructed, the share of each 界别's members with their 五个一 complete, and attendance at duty activities.
/// </summary>
public static class GetCppccDashboard
{
    public sealed record SectorFiveOne(string Sector, int Members, int Complete)
    {
        public double? Rate => Members == 0 ? null : Math.Round(100.0 * Complete / Members, 1);
    }

    /// <summary>The office's figures; a 委员工作人员 (duty activities only) has none of them, only the attendance.</summary>
    public sealed record Office(IReadOnlyDictionary<ProposalStage, int> Funnel, GetProposalRates.Counts Rates,
        GetOpinionStats.Counts Opinions, IReadOnlyList<SectorFiveOne> FiveOne);

    public sealed record View(int Year, long TenantId, Office? Office, IReadOnlyList<AttendanceByMonth.Month>? DutyAttendance, long? DutyOrgId);

    public sealed class Handler(AppDbContext db, GetProposalRates.Handler rates, GetOpinionStats.Handler opinions, GetFiveOne.Handler fiveOne)
    {
        public async Task<View?> Handle(Scope scope, DateOnly today, CancellationToken ct = default)
        {
            var office = scope.TenantWith(Permissions.Proposals.View);
            if ((office ?? (scope.SeesOnlyDutyActivities ? scope.TenantWith(Permissions.OrgLife.View) : null)) is not { } tenant) return null;
            var year = today.Year;
            var figures = office is null ? null : await OfficeAsync(tenant, year, today, ct);

            // Attendance at duty activities, for those who may open them (the records behind the line).
            var dutyOrgs = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View)).Where(o => o.TenantId == tenant).Select(o => o.Id);
            var dutyTypes = ActivityTypes.All.Where(t => t.Duty).Select(t => t.Type).ToList();
            var dutyOrgId = await db.Activities.Where(a => dutyOrgs.Contains(a.OrgId) && dutyTypes.Contains(a.Type))
                .Select(a => (long?)a.OrgId).FirstOrDefaultAsync(ct);
            var attendance = dutyOrgId is null ? null : await AttendanceByMonth.ForAsync(db, dutyOrgs, dutyTypes, year, today, ct);
            return new View(year, tenant, figures, attendance, dutyOrgId);
        }

        async Task<Office> OfficeAsync(long tenant, int year, DateOnly today, CancellationToken ct)
        {
            var statuses = await db.Proposals.Where(p => p.TenantId == tenant && p.Year == year)
                .GroupBy(p => p.Status).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
            var funnel = Enum.GetValues<ProposalStage>()
                .ToDictionary(s => s, s => ProposalStages.Statuses(s).Sum(st => statuses.GetValueOrDefault(st)));
            var rateView = await rates.Handle(tenant, year, today, ct);
            var opinionView = await opinions.Handle(tenant, year, ct);
            var members = (await fiveOne.Handle(tenant, year, ct: ct)).Members;
            var sectors = members.GroupBy(m => m.Sector ?? "").OrderBy(g => g.Key)
                .Select(g => new SectorFiveOne(g.Key, g.Count(), g.Count(m => m.Gaps.Count == 0))).ToList();
            return new Office(funnel, rateView.All, opinionView.All, sectors);
        }
    }
}
