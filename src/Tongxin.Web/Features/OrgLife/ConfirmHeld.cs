using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>
/// 确认召开: after the start and with minutes saved, the planner confirms the meeting was held. Only then are those who
/// neither signed in nor had leave granted counted absent (and lose the absence points); the host (主持人) was there.
/// The page lists who will be counted absent before the click.
/// </summary>
public static class ConfirmHeld
{
    public sealed record Absentee(long AttendeeId, long PersonId, string Name);

    /// <summary>Those who would be counted absent if the activity were confirmed now.</summary>
    public static IReadOnlyList<GetActivity.Person> WouldBeAbsent(GetActivity.View view) =>
        view.Attendees.Where(a => a.SignedInAt is null && a.Leave != LeaveStatus.Granted && a.PersonId != view.Activity.HostPersonId).ToList();

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long activityId, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            var access = await ActivityAccess.ForPlannerAsync(db, activityId, scope, track: true, ct);
            if (!access.Ok) return access.Error!;
            var activity = access.Value!;
            // Quorum: more than half of those with a vote (full members among the expected) present; the host is present.
            var votes = await (from a in db.Attendees
                               join p in db.People on a.PersonId equals p.Id
                               where a.ActivityId == activityId && p.PartyStatus == PartyStatus.Full
                               select a.SignedInAt != null || a.PersonId == activity.HostPersonId).ToListAsync(ct);
            var quorum = ComplianceCalendar.QuorumMet(votes.Count, votes.Count(x => x));
            if (activity.ConfirmHeld(quorum, utcNow) is { } error) return error;
            await Points.DeductForAbsence.AddAsync(db, activity, utcNow, ct);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("活动已确认召开"); }
            return activity.Id;
        }
    }
}
