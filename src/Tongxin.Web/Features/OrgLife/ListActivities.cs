using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

public static class ListActivities
{
    public sealed record Row(long Id, ActivityType Type, string Topic, string OrgName, DateTime StartsAt, DateTime EndsAt,
        string Place, ActivityStatus Status, bool? QuorumMet, int Expected, int Present);

    public sealed record MineRow(long Id, ActivityType Type, string Topic, string OrgName, DateTime StartsAt, DateTime EndsAt,
        string Place, ActivityStatus Status, DateTime? SignedInAt, LeaveStatus Leave, string? ChangeNote = null, string? CancelReason = null);

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Activities of organisations in scope (optionally one subtree), in a date range, a page at a time.</summary>
        public async Task<Paged<Row>> InScopeAsync(Scope scope, long? orgId, DateTime fromUtc, DateTime toUtc, int page = 1, int size = 50, CancellationToken ct = default,
            ActivityType? type = null, ActivityStatus? status = null, bool oldestFirst = false)
        {
            var orgs = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View));
            if (orgId is { } id && await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) is { } path)
                orgs = orgs.Where(o => o.Path.StartsWith(path));
            var inRange = from a in db.Activities
                          join o in orgs on a.OrgId equals o.Id
                          where a.StartsAt >= fromUtc && a.StartsAt < toUtc
                                && (type == null || a.Type == type) && (status == null || a.Status == status)
                          select new { a, o.Name };
            size = Paging.Size(size);
            var total = await inRange.CountAsync(ct);
            var ordered = oldestFirst ? inRange.OrderBy(x => x.a.StartsAt).ThenBy(x => x.a.Id) : inRange.OrderByDescending(x => x.a.StartsAt).ThenByDescending(x => x.a.Id);
            var rows = await ordered
                .Skip(Paging.Skip(page, size)).Take(size)
                .Select(x => new Row(x.a.Id, x.a.Type, x.a.Topic, x.Name, x.a.StartsAt, x.a.EndsAt, x.a.Place, x.a.Status, x.a.QuorumMet,
                    db.Attendees.Count(y => y.ActivityId == x.a.Id),
                    db.Attendees.Count(y => y.ActivityId == x.a.Id && y.SignedInAt != null)))
                .ToListAsync(ct);
            return new Paged<Row>(rows, total, Paging.Page(page), size);
        }

        /// <summary>我的活动: what the person is expected at, upcoming first.</summary>
        public async Task<List<MineRow>> MineAsync(long personId, DateTime sinceUtc, CancellationToken ct = default) =>
            await (from x in db.Attendees
                   join a in db.Activities on x.ActivityId equals a.Id
                   join o in db.Organizations on a.OrgId equals o.Id
                   where x.PersonId == personId && a.EndsAt >= sinceUtc
                   orderby a.StartsAt
                   select new MineRow(a.Id, a.Type, a.Topic, o.Name, a.StartsAt, a.EndsAt, a.Place, a.Status, x.SignedInAt, x.Leave,
                       a.ChangeNote, a.CancelReason))
                .Take(200).ToListAsync(ct);
    }
}
