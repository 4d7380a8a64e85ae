using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>请假: a member asks before the start; the secretary grants or refuses.</summary>
public static class Leave
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> RequestAsync(long activityId, long? personId, string? reason, DateTime utcNow, CancellationToken ct = default)
        {
            var attendee = personId is null ? null : await db.Attendees.FirstOrDefaultAsync(a => a.ActivityId == activityId && a.PersonId == personId, ct);
            var activity = attendee is null ? null : await db.Activities.AsNoTracking().FirstAsync(a => a.Id == activityId, ct);
            if (attendee is null || activity is null) return Error.NotFound("您不在本次活动的应参加人员中");
            if (string.IsNullOrWhiteSpace(reason)) return Error.Validation("请填写请假事由", "Reason");
            if (utcNow >= activity.StartsAt) return Error.Validation("活动已开始，不能再请假");
            if (activity.Status == ActivityStatus.Cancelled) return Error.Conflict("活动已取消");
            if (attendee.SignedInAt is not null) return Error.Conflict("您已签到");
            if (attendee.Leave == LeaveStatus.Granted) return Error.Conflict("请假已批准");
            attendee.Leave = LeaveStatus.Requested;
            attendee.LeaveReason = reason.Trim();
            attendee.LeaveDecidedBy = null;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("请假状态已变化（可能已提交或已审批），请刷新后查看"); }
            return attendee.Id;
        }

        public async Task<Result<long>> DecideAsync(long attendeeId, bool grant, Scope scope, string userName, CancellationToken ct = default)
        {
            var attendee = await db.Attendees.FirstOrDefaultAsync(a => a.Id == attendeeId, ct);
            if (attendee is null) return Error.NotFound();
            var access = await ActivityAccess.ForPlannerAsync(db, attendee.ActivityId, scope, track: false, ct);
            if (!access.Ok) return access.Error!;
            if (attendee.Leave != LeaveStatus.Requested) return Error.Conflict("没有待审批的请假");
            if (ConflictOfInterest.Check(scope, attendee.PersonId) is { } own) return own;
            attendee.Leave = grant ? LeaveStatus.Granted : LeaveStatus.Refused;
            attendee.LeaveDecidedBy = userName;
            if (grant) await Points.PointLedger.ReverseAsync(db, Points.DeductForAbsence.KeyOf(attendee), "已准假，撤销缺席扣分", userName, DateTime.UtcNow, ct);
            Notices.Notify.Person(db, attendee.TenantId, attendee.PersonId,
                $"您对“{access.Value!.Topic}”的请假{(grant ? "已批准" : "未获批准")}", "/OrgLife/Mine", DateTime.UtcNow, scope.PersonId);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("该请假已由他人审批，请刷新后查看"); }
            return attendee.Id;
        }
    }
}
