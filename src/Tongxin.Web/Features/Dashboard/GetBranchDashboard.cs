using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;
using ProposalStatus = Tongxin.Web.Features.Proposals.ProposalStatus;

namespace Tongxin.Web.Features.Dashboard;

/// <summary>
/// A branch secretary's 工作台: what the branch still owes this year (with the periods missed), its meetings of the
/// next 30 days, attendance by month, and how many things wait on each of its members — in name order, a count to
/// follow up, not a ranking.
/// </summary>
public static class GetBranchDashboard
{
    /// <param name="Group">The 党小组 that owes it (its 党小组会), or null for the branch itself.</param>
    public sealed record Owed(ActivityType Type, string? Group, int Required, int Held, Rag Status, IReadOnlyList<string> MissedPeriods);

    public sealed record Meeting(long Id, ActivityType Type, string Topic, DateTime StartsAt, string Place);

    public sealed record MemberWaiting(long PersonId, string Name, int Count);

    public sealed record View(long OrgId, string Name, int Year, string Period, IReadOnlyList<Owed> Owed, IReadOnlyList<Meeting> Upcoming,
        IReadOnlyList<AttendanceByMonth.Month> Attendance, IReadOnlyList<MemberWaiting> MembersWaiting, int Members);

    /// <summary>The branch a secretary plans for, when their planning grants are on a single branch.</summary>
    public static async Task<long?> BranchOfAsync(AppDbContext db, Scope scope, CancellationToken ct)
    {
        var roots = scope.Roots(Permissions.OrgLife.Plan);
        if (roots.Count != 1 || scope.CanAnywhere(Permissions.Stars.Review)) return null;
        var org = await db.Organizations.Where(o => o.Path == roots[0] && o.ClosedAt == null).Select(o => new { o.Id, o.Type }).FirstOrDefaultAsync(ct);
        return org is not null && org.Type.IsBranch() ? org.Id : null;
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, GetCompliance.Handler compliance)
    {
        public async Task<View?> Handle(Scope scope, long branchId, DateOnly today, CancellationToken ct = default)
        {
            var branch = await db.Organizations.Where(o => o.Id == branchId).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
            if (branch is null || !scope.Can(Permissions.OrgLife.Plan, branch.Path)) return null;
            var period = Period.Of(RulePeriod.Year, today);
            var report = await compliance.Handle(scope, branchId, period, today, ct);
            var owed = report!.Units.OrderBy(u => u.OrgId != branchId).SelectMany(u => u.Types.Select(t => (Unit: u, Type: t)))
                .Select(x => new Owed(x.Type.Type, x.Unit.OrgId == branchId ? null : x.Unit.Name, x.Type.Required, x.Type.Held, x.Type.Status,
                    x.Type.Missing.Where(m => m.End < today).Select(m => m.Label).ToList()))
                .ToList();

            var now = time.GetUtcNow().UtcDateTime;
            var subtree = db.Organizations.Where(o => o.Path.StartsWith(branch.Path)).Select(o => o.Id);
            var upcoming = await db.Activities
                .Where(a => subtree.Contains(a.OrgId) && a.Status == ActivityStatus.Planned && a.StartsAt >= now && a.StartsAt < now.AddDays(30))
                .OrderBy(a => a.StartsAt).Take(10).Select(a => new Meeting(a.Id, a.Type, a.Topic, a.StartsAt, a.Place)).ToListAsync(ct);
            var partyTypes = ActivityTypes.All.Where(t => !t.Duty).Select(t => t.Type).ToList();
            var attendance = await AttendanceByMonth.ForAsync(db, subtree, partyTypes, today.Year, today, ct);

            var members = db.People.Where(p => subtree.Contains(p.OrgId) && p.PartyStatus != PartyStatus.None);
            var waiting = await WaitingAsync(members.Select(p => p.Id), ct);
            var names = await members.OrderBy(p => p.NameInitials).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
            return new View(branch.Id, branch.Name, today.Year, period.Code, owed, upcoming, attendance,
                names.Where(n => waiting.ContainsKey(n.Id)).Select(n => new MemberWaiting(n.Id, n.Name, waiting[n.Id])).ToList(), names.Count);
        }

        /// <summary>
        /// The personal kinds of <see cref="Todo.GetTodo"/> (a ballot to cast, a proposal to co-sign or rate), counted per
        /// person in three grouped queries; the tests hold these equal to each member's own 待办.
        /// </summary>
        async Task<Dictionary<long, int>> WaitingAsync(IQueryable<long> people, CancellationToken ct)
        {
            var ballots = await (from x in db.AppraisalParticipants
                                 join r in db.AppraisalRounds on x.RoundId equals r.Id
                                 where people.Contains(x.PersonId) && x.VotedAt == null && r.Status == AppraisalStatus.Open
                                 group x by x.PersonId into g select new { PersonId = g.Key, N = g.Count() }).ToListAsync(ct);
            var cosign = await (from s in db.ProposalSigners
                                join p in db.Proposals on s.ProposalId equals p.Id
                                where people.Contains(s.PersonId) && s.ConfirmedAt == null && p.Status == ProposalStatus.Submitted && p.LeadPersonId != s.PersonId
                                group s by s.PersonId into g select new { PersonId = g.Key, N = g.Count() }).ToListAsync(ct);
            var rating = await db.Proposals.Where(p => p.Status == ProposalStatus.Replied && people.Contains(p.LeadPersonId))
                .GroupBy(p => p.LeadPersonId).Select(g => new { PersonId = g.Key, N = g.Count() }).ToListAsync(ct);
            return ballots.Concat(cosign).Concat(rating).GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.Sum(x => x.N));
        }
    }
}
