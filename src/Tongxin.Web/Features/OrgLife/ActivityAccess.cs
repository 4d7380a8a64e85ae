using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>The one check before managing an activity: unseen → 404, seen but not the planner's → 403.</summary>
public static class ActivityAccess
{
    public static async Task<Result<Activity>> ForPlannerAsync(AppDbContext db, long activityId, Scope scope, bool track, CancellationToken ct)
    {
        var activities = track ? db.Activities : db.Activities.AsNoTracking();
        var activity = await activities.FirstOrDefaultAsync(a => a.Id == activityId, ct);
        var path = activity is null ? null : await db.Organizations.Where(o => o.Id == activity.OrgId).Select(o => o.Path).FirstAsync(ct);
        if (activity is null || path is null || !scope.Can(Permissions.OrgLife.View, path)) return Error.NotFound();
        if (!scope.Can(Permissions.OrgLife.Plan, path)) return Error.Forbidden();
        return activity;
    }
}
