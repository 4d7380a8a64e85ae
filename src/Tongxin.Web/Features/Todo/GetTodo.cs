using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Features.Stars;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using PointStatus = Tongxin.Web.Features.Points.ProposalStatus;

namespace Tongxin.Web.Features.Todo;

/// <summary>
/// 待办: what waits on this user, derived from the records each time (one scoped query per kind), so it can never
/// disagree with them; an item is gone as soon as the thing is done. Each item links to where it is done.
/// </summary>
public static class GetTodo
{
    public enum Kind { Leave, PointsApproval, StarsReview, Cosign, ProposalReview, ProposalAnswer, ProposalRating, Opinion, Ballot, Unrecorded, Alert, FiveOne }

    /// <summary>Kinds that wait on the person themself (shown on their own page too).</summary>
    public static readonly Kind[] Personal = [Kind.Cosign, Kind.ProposalRating, Kind.Ballot, Kind.FiveOne];

    /// <summary>One thing waiting (set by member initialisers, so the queries can still be ordered after projecting).</summary>
    public sealed class Item
    {
        public Kind Kind { get; init; }
        public string Title { get; init; } = "";
        public string Url { get; init; } = "";
        public DateTime? Since { get; init; }
    }

    public sealed record Upcoming(long Id, string Topic, string OrgName, DateTime StartsAt, string Place);

    public sealed record View(IReadOnlyList<Item> Items, IReadOnlyDictionary<Kind, int> Counts, IReadOnlyList<Upcoming> Next14Days)
    {
        public int Total => Counts.Values.Sum();

        /// <summary>Each kind with its count and where to go: the item itself when it is the only one, else the 待办 page.</summary>
        public IReadOnlyList<(Kind Kind, int Count, string Url)> Summary(IEnumerable<Kind> kinds) =>
            kinds.Where(Counts.ContainsKey).Select(k => (k, Counts[k], Items.Count(i => i.Kind == k) == 1 ? Items.First(i => i.Kind == k).Url : "/Todo")).ToList();
    }

    /// <summary>How many items a kind lists on the page; the count is always the whole.</summary>
    public const int ListedPerKind = 50;

    public sealed class Handler(AppDbContext db, TimeProvider time, Duty.GetFiveOne.Handler fiveOne)
    {
        public async Task<View> Handle(Scope scope, string userName, CancellationToken ct = default)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var items = new List<Item>();
            var counts = new Dictionary<Kind, int>();
            foreach (var (kind, query) in Queries(scope, userName, now))
            {
                var count = await query.CountAsync(ct);
                if (count == 0) continue;
                counts[kind] = count;
                items.AddRange(await query.OrderBy(i => i.Since).Take(ListedPerKind).ToListAsync(ct));
            }
            if (await FiveOneGapsAsync(scope, ct) is { Count: > 0 } gaps)
            {
                counts[Kind.FiveOne] = gaps.Count;
                items.AddRange(gaps.Select(g => new Item { Kind = Kind.FiveOne, Title = g, Url = "/Duty/FiveOne" }));
            }
            var upcoming = scope.PersonId is { } me
                ? await (from x in db.Attendees
                         join a in db.Activities on x.ActivityId equals a.Id
                         join o in db.Organizations on a.OrgId equals o.Id
                         where x.PersonId == me && a.Status == ActivityStatus.Planned && a.StartsAt >= now && a.StartsAt < now.AddDays(14)
                         orderby a.StartsAt
                         select new Upcoming(a.Id, a.Topic, o.Name, a.StartsAt, a.Place)).Take(ListedPerKind).ToListAsync(ct)
                : [];
            return new View(items, counts, upcoming);
        }

        /// <summary>The number for the top bar: the same queries, counted.</summary>
        public async Task<int> CountAsync(Scope scope, string userName, CancellationToken ct = default)
        {
            var total = 0;
            foreach (var (_, query) in Queries(scope, userName, time.GetUtcNow().UtcDateTime)) total += await query.CountAsync(ct);
            return total + (await FiveOneGapsAsync(scope, ct)).Count;
        }

        /// <summary>In the third quarter, a CPPCC member's 五个一 items not yet done this year (reminded, not scored).</summary>
        async Task<IReadOnlyList<string>> FiveOneGapsAsync(Scope scope, CancellationToken ct)
        {
            var today = Tongxin.Web.Shared.Clock.Today;
            if (scope.PersonId is not { } me || !scope.IsCppccMember || Duty.FiveOne.Q3Reminder(today, today.Year, Duty.FiveOne.Items) is null) return [];
            var tenant = await db.People.Where(p => p.Id == me).Select(p => p.TenantId).FirstAsync(ct);
            var mine = (await fiveOne.Handle(tenant, today.Year, me, ct: ct)).Members.Single();
            return Duty.FiveOne.Q3Reminder(today, today.Year, mine.Gaps) is { } open ? open.Select(g => Duty.FiveOne.Name(g)).ToList() : [];
        }

        IEnumerable<(Kind, IQueryable<Item>)> Queries(Scope scope, string userName, DateTime now)
        {
            var me = scope.PersonId ?? -1;
            if (scope.CanAnywhere(Permissions.OrgLife.Plan))
            {
                var planned = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.Plan));
                yield return (Kind.Leave,
                    from x in db.Attendees
                    join a in db.Activities on x.ActivityId equals a.Id
                    join o in planned on a.OrgId equals o.Id
                    join p in db.People on x.PersonId equals p.Id
                    where x.Leave == LeaveStatus.Requested && a.Status == ActivityStatus.Planned && x.PersonId != me
                    select new Item { Kind = Kind.Leave, Title = p.Name + " · " + a.Topic, Url = "/OrgLife/Activity/" + a.Id.ToString(), Since = (DateTime?)a.StartsAt });
                yield return (Kind.Unrecorded,
                    from a in db.Activities
                    join o in planned on a.OrgId equals o.Id
                    where a.Status == ActivityStatus.Planned && a.EndsAt < now
                    select new Item { Kind = Kind.Unrecorded, Title = o.Name + " · " + a.Topic, Url = "/OrgLife/Activity/" + a.Id.ToString(), Since = (DateTime?)a.EndsAt });
                yield return (Kind.Alert,
                    from al in db.Alerts
                    join o in planned on al.OrgId equals o.Id
                    where al.ClosedAt == null
                    select new Item { Kind = Kind.Alert, Title = al.Message, Url = "/OrgLife/Compliance", Since = (DateTime?)al.CreatedAt });
            }
            if (scope.CanAnywhere(Permissions.Points.Award))
                yield return (Kind.PointsApproval,
                    from pp in db.PointProposals
                    join p in scope.People(db, Permissions.Points.Award) on pp.PersonId equals p.Id
                    where pp.Status == PointStatus.Pending && pp.ProposedBy != userName && pp.PersonId != me
                    select new Item { Kind = Kind.PointsApproval, Title = p.Name + " · " + pp.Reason, Url = "/Points/Awards", Since = (DateTime?)pp.ProposedAt });
            if (scope.CanAnywhere(Permissions.Stars.Review))
            {
                var own = scope.SelfOrgPath;
                yield return (Kind.StarsReview,
                    from r in db.StarRatings
                    join o in db.Organizations.Where(scope.OrgFilter(Permissions.Stars.Review)) on r.OrgId equals o.Id
                    where r.Status == StarRatingStatus.Submitted && o.Path != own
                    select new Item { Kind = Kind.StarsReview, Title = o.Name + " · " + r.Year.ToString(), Url = "/Stars/Branch?orgId=" + r.OrgId.ToString() + "&year=" + r.Year.ToString(), Since = r.SubmittedAt });
            }
            if (scope.PersonId is not null)
            {
                yield return (Kind.Cosign,
                    from p in db.Proposals
                    where p.Status == Proposals.ProposalStatus.Submitted && p.LeadPersonId != me && p.Signers.Any(s => s.PersonId == me && s.ConfirmedAt == null)
                    select new Item { Kind = Kind.Cosign, Title = p.Title, Url = "/Proposals/Details/" + p.Id.ToString(), Since = p.SubmittedAt });
                yield return (Kind.ProposalRating,
                    from p in db.Proposals
                    where p.Status == Proposals.ProposalStatus.Replied && p.LeadPersonId == me
                    select new Item { Kind = Kind.ProposalRating, Title = p.Title, Url = "/Proposals/Details/" + p.Id.ToString(), Since = p.SubmittedAt });
                yield return (Kind.Ballot,
                    from x in db.AppraisalParticipants
                    join r in db.AppraisalRounds on x.RoundId equals r.Id
                    where x.PersonId == me && x.VotedAt == null && r.Status == AppraisalStatus.Open
                    select new Item { Kind = Kind.Ballot, Title = r.Year.ToString(), Url = "/Appraisal/Mine", Since = (DateTime?)r.OpenedAt });
            }
            var offices = scope.TenantsWith(Permissions.Proposals.Review);
            if (offices.Count > 0)
                yield return (Kind.ProposalReview,
                    from p in db.Proposals
                    where p.Status == Proposals.ProposalStatus.Submitted && offices.Contains(p.TenantId)
                    select new Item { Kind = Kind.ProposalReview, Title = p.Title, Url = "/Proposals/Details/" + p.Id.ToString(), Since = p.SubmittedAt });
            if (scope.CanAnywhere(Permissions.Proposals.Handle))
            {
                var units = ProposalAccess.Units(db, scope);
                yield return (Kind.ProposalAnswer,
                    from p in db.Proposals
                    where p.Status == Proposals.ProposalStatus.Assigned && p.Units.Any(u => u.IsLead && units.Contains(u.OrgId))
                    select new Item { Kind = Kind.ProposalAnswer, Title = p.Title, Url = "/Proposals/Details/" + p.Id.ToString(), Since = p.SubmittedAt });
            }
            var opinionOffices = scope.TenantsWith(Permissions.Opinions.Manage);
            if (opinionOffices.Count > 0)
                yield return (Kind.Opinion,
                    from o in db.OpinionReports
                    where o.Status == OpinionStatus.Submitted && opinionOffices.Contains(o.TenantId) && o.AuthorPersonId != me
                    select new Item { Kind = Kind.Opinion, Title = o.Title, Url = "/Opinions/Details/" + o.Id.ToString(), Since = o.SubmittedAt });
        }
    }
}
