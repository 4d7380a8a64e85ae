using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>取消: the planner cancels a planned activity with a reason; it counts for nothing and attendees see why.</summary>
public static class CancelActivity
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long activityId, string? reason, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            var access = await ActivityAccess.ForPlannerAsync(db, activityId, scope, track: true, ct);
            if (!access.Ok) return access.Error!;
            var activity = access.Value!;
            if (TextLimits.TooLong(reason, 200, "取消原因", "Reason") is { } tooLong) return tooLong;
            if (activity.Cancel(reason, utcNow) is { } error) return error;
            var expected = await db.Attendees.Where(a => a.ActivityId == activity.Id).Select(a => a.PersonId).ToListAsync(ct);
            Notices.Notify.People(db, activity.TenantId, expected, $"活动已取消：“{activity.Topic}”（{Clock.Show(activity.StartsAt)}）", "/OrgLife/Mine", utcNow, scope.PersonId);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("活动已被他人变更、确认或取消，请刷新后再试"); }
            return activity.Id;
        }
    }
}
