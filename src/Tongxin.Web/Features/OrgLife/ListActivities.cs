using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.OrgLife;

public static class ListActivities
{
    public sealed record Row(long Id, ActivityType Type, string Topic, string OrgName, DateTime StartsAt, DateTime EndsAt,
        string Place, ActivityStatus Status, bool? QuorumMet, int Expected, int Present);

    public sealed record MineRow(long Id, ActivityType Type, string Topic, string OrgName, DateTime StartsAt, DateTime EndsAt,
        string Place, ActivityStatus Status, DateTime? SignedInAt, LeaveStatus Leave, string? ChangeNote = null, string? CancelReason = null);

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Activities of organisations in scope (optionally one subtree), in a date range.</summary>
        public async Task<List<Row>> InScopeAsync(Scope scope, long? orgId, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
        {
            var orgs = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View));
            if (orgId is { } id && await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) is { } path)
                orgs = orgs.Where(o => o.Path.StartsWith(path));
            return await (from a in db.Activities
                          join o in orgs on a.OrgId equals o.Id
                          where a.StartsAt >= fromUtc && a.StartsAt < toUtc
                          orderby a.StartsAt descending
                          select new Row(a.Id, a.Type, a.Topic, o.Name, a.StartsAt, a.EndsAt, a.Place, a.Status, a.QuorumMet,
                              db.Attendees.Count(x => x.ActivityId == a.Id),
                              db.Attendees.Count(x => x.ActivityId == a.Id && x.SignedInAt != null)))
                .Take(500).ToListAsync(ct);
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
