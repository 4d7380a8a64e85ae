using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.People;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Features.Stars;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Dashboard;

/// <summary>
/// The 工作台 of a party-affairs administrator or leader over their organisations: 三会一课落实率 per branch (or per
/// organisation under them), attendance by month, how the 争星 stars fall, points by category per branch (averages
/// per member: a spread, not a ranking of people) and the open alerts. Every figure comes from the records.
/// </summary>
public static class GetPartyDashboard
{
    /// <summary>三会一课: 支部党员大会, 支委会, 党小组会, 党课.</summary>
    public static readonly ActivityType[] ThreeMeetingsOneLecture =
        [ActivityType.BranchMeeting, ActivityType.CommitteeMeeting, ActivityType.GroupMeeting, ActivityType.PartyLecture];

    public sealed record Compliance(long OrgId, string Name, int Due, int Met)
    {
        public double? Rate => Due == 0 ? null : Math.Round(100.0 * Met / Due, 1);
    }

    public sealed record BranchPoints(long OrgId, string Name, string BranchFilter, int Members, IReadOnlyDictionary<PointCategory, double> AveragePerMember);

    /// <param name="ComplianceGroups">How many bars there are in all; the chart shows the first <see cref="OrgGroups.MaxBars"/> in tree order.</param>
    public sealed record View(int Year, string Period, long? RootId, IReadOnlyList<Compliance> ComplianceByGroup, int ComplianceGroups,
        IReadOnlyList<AttendanceByMonth.Month> Attendance, int StarYear, IReadOnlyDictionary<int, int> Stars, int Unrated,
        IReadOnlyList<BranchPoints> Points, int PointBranches, IReadOnlyDictionary<string, int> OpenAlerts);

    public sealed class Handler(AppDbContext db, GetCompliance.Handler compliance, GetStarsOverview.Handler stars)
    {
        public async Task<View> Handle(Scope scope, DateOnly today, CancellationToken ct = default)
        {
            var period = Period.Of(RulePeriod.Year, today);
            var roots = scope.Roots(Permissions.OrgLife.View);
            var rootId = roots.Count == 1 ? await db.Organizations.Where(o => o.Path == roots[0]).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct) : null;

            var report = await compliance.Handle(scope, null, period, today, ct, withMembers: false);
            var paths = report!.Units.ToDictionary(u => u.OrgId, u => u.Path);
            // A 党小组's 党小组会 counts for its branch: the bars are branches, not groups.
            var branchPaths = report.Units.Where(u => u.Type != OrgType.PartyGroup).Select(u => paths[u.OrgId]).ToHashSet();
            string BarPath(GetCompliance.Unit u) =>
                u.Type == OrgType.PartyGroup && OrgTree.ParentPath(paths[u.OrgId]) is { } parent && branchPaths.Contains(parent) ? parent : paths[u.OrgId];
            var owners = report.Units.Where(u => BarPath(u) == paths[u.OrgId]).Select(u => (u.OrgId, u.Name, paths[u.OrgId])).ToList();
            var group = await OrgGroups.ForAsync(db, owners, roots, ct);
            var byGroup = report.Units
                .Select(u => (Group: group(BarPath(u)), Types: u.Types.Where(t => ThreeMeetingsOneLecture.Contains(t.Type)).ToList()))
                .GroupBy(x => x.Group).OrderBy(g => g.Key.Path)
                .Select(g => new Compliance(g.Key.OrgId, g.Key.Name, g.Sum(x => x.Types.Sum(t => t.Due)), g.Sum(x => x.Types.Sum(t => t.Met))))
                .ToList();
            var complianceBars = byGroup.Count;
            byGroup = byGroup.Take(OrgGroups.MaxBars).ToList();

            var visible = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View)).Select(o => o.Id);
            var partyTypes = ActivityTypes.All.Where(t => !t.Duty).Select(t => t.Type).ToList();
            var attendance = await AttendanceByMonth.ForAsync(db, visible, partyTypes, today.Year, today, ct);

            var starYear = Stars.StarYear.Default(today);
            var starView = scope.CanAnywhere(Permissions.Stars.View) ? await stars.Handle(scope, starYear, ct) : null;
            var starCounts = Enumerable.Range(1, 5).ToDictionary(s => s, s => starView?.WithStars(s) ?? 0);

            var (points, pointBranches) = scope.CanAnywhere(Permissions.Points.View) ? await PointsAsync(scope, today.Year, ct) : ([], 0);
            var alerts = await db.Alerts.Where(a => a.ClosedAt == null && visible.Contains(a.OrgId))
                .GroupBy(a => a.Kind).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
            return new View(today.Year, period.Code, rootId, byGroup, complianceBars, attendance, starYear, starCounts,
                starView is null ? 0 : starView.Rows.Count - starView.Reviewed, points, pointBranches, alerts);
        }

        /// <summary>The average per member of each category, per branch, in the order of the tree (never sorted by points).</summary>
        async Task<(IReadOnlyList<BranchPoints>, int)> PointsAsync(Scope scope, int year, CancellationToken ct)
        {
            // The viewer's organisations first (the path index), then whether each has party members.
            var withMembers = db.Organizations.Where(scope.OrgFilter(Permissions.Points.View))
                .Where(o => db.People.Any(p => p.OrgId == o.Id && p.PartyStatus != PartyStatus.None));
            var total = await withMembers.CountAsync(ct);
            var orgs = await withMembers.OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).Take(OrgGroups.MaxBars).ToListAsync(ct);
            var shown = orgs.Select(o => o.Id).ToList();
            // The shown branches are in scope already: their members are read by branch, not through the subtree again.
            var shownMembers = db.People.Where(p => shown.Contains(p.OrgId) && p.PartyStatus != PartyStatus.None);
            var count = await shownMembers.GroupBy(p => p.OrgId).Select(g => new { g.Key, N = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.N, ct);
            var sums = await (from e in db.PointEntries
                              join p in shownMembers on e.PersonId equals p.Id
                              where e.Year == year
                              group e by new { p.OrgId, e.Category } into g
                              select new { g.Key.OrgId, g.Key.Category, Sum = g.Sum(e => e.Points) }).ToListAsync(ct);
            return (orgs.Select(o => new BranchPoints(o.Id, o.Name, o.Name, count[o.Id], Enum.GetValues<PointCategory>().ToDictionary(c => c,
                c => Math.Round((double)sums.Where(s => s.OrgId == o.Id && s.Category == c).Sum(s => s.Sum) / count[o.Id], 1)))).ToList(), total);
        }
    }
}
