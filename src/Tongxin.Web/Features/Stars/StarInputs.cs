using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Stars;

/// <summary>Scores of the checklist items filled from the branch's own records, each with the figures behind it.</summary>
public static class StarInputs
{
    public sealed record Computed(double Score, string Basis);

    public static async Task<Dictionary<string, Computed>> ForAsync(AppDbContext db, Organization branch, StarChecklist checklist,
        DateOnly today, CancellationToken ct = default)
    {
        var result = new Dictionary<string, Computed>();
        foreach (var item in checklist.Items)
        {
            switch (item.Source)
            {
                case StarSource.ActivitiesHeld:
                    var (due, met) = await ActivitiesAsync(db, branch, checklist.Year, today, ct);
                    result[item.Code] = due == 0
                        ? new Computed(item.MaxScore, "本年度尚无应开展的组织生活")
                        : new Computed(StarChecklist.Scaled(item, (double)met / due), $"应按期开展 {due} 次，按期开展 {met} 次");
                    break;
                case StarSource.AveragePoints:
                    var members = await db.People.Where(p => p.OrgId == branch.Id && p.PartyStatus != PartyStatus.None).Select(p => p.Id).ToListAsync(ct);
                    if (members.Count == 0) { result[item.Code] = new Computed(0, "支部暂无党员"); break; }
                    var totals = await PointLedger.YearTotalsAsync(db, branch.TenantId, checklist.Year, members, ct);
                    var average = Math.Round(totals.Values.Average(), 1);
                    var target = item.Target is > 0 ? item.Target.Value : PointRuleBook.DefaultBase;
                    result[item.Code] = new Computed(StarChecklist.Scaled(item, average / target), $"{members.Count} 名党员平均 {average} 分，目标 {target} 分");
                    break;
            }
        }
        return result;
    }

    /// <summary>Required activities due in the year and how many were held in their own periods, from the compliance calendar.</summary>
    static async Task<(int Due, int Met)> ActivitiesAsync(AppDbContext db, Organization branch, int year, DateOnly today, CancellationToken ct)
    {
        // The rating user is already authorised for this branch; the calendar is read for it alone.
        var scope = new Scope(null, null, [new Grant(Roles.PartyAdmin, branch.Id, branch.Path, branch.TenantId)]);
        var report = await new GetCompliance.Handler(db).Handle(scope, branch.Id, Period.Of(RulePeriod.Year, new DateOnly(year, 1, 1)), today, ct);
        var unit = report?.Units.FirstOrDefault(u => u.OrgId == branch.Id);
        return unit is null ? (0, 0) : (unit.Types.Sum(t => t.Due), unit.Types.Sum(t => t.Met));
    }
}
