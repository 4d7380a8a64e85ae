using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>
/// 撤销签到: a secretary corrects a sign-in that should not stand (signed in for someone else, a paper sheet misread).
/// The sign-in is cleared with the reason, and the points it earned are reversed by a new ledger entry — same save.
/// </summary>
public static class WithdrawSignIn
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> Handle(long activityId, long personId, string? reason, Scope scope, string userName, DateTime utcNow, CancellationToken ct = default)
        {
            var access = await ActivityAccess.ForPlannerAsync(db, activityId, scope, track: false, ct);
            if (!access.Ok) return access.Error!;
            if (string.IsNullOrWhiteSpace(reason)) return Error.Validation("撤销签到须说明原因", "Reason");
            var attendee = await db.Attendees.FirstOrDefaultAsync(a => a.ActivityId == activityId && a.PersonId == personId, ct);
            if (attendee?.SignedInAt is null) return Error.Conflict("此人尚未签到，无需撤销");

            attendee.SignedInAt = null;
            attendee.Method = SignInMethod.None;
            attendee.ManualReason = $"撤销签到：{reason.Trim()}";
            await PointLedger.ReverseAsync(db, AwardForAttendance.KeyOf(attendee), $"撤销签到：{reason.Trim()}", userName, utcNow, ct);
            // After a held meeting, a withdrawn sign-in is an absence like any other.
            await DeductForAbsenceAfterAsync(attendee, access.Value!, utcNow, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("签到记录刚被他人修改，请刷新后重试");
            }
            return true;
        }

        async Task DeductForAbsenceAfterAsync(Attendee attendee, Activity activity, DateTime utcNow, CancellationToken ct)
        {
            if (activity.Status != ActivityStatus.Held || attendee.Leave == LeaveStatus.Granted) return;
            var isMember = await db.People.AnyAsync(p => p.Id == attendee.PersonId && p.PartyStatus != People.PartyStatus.None, ct);
            if (isMember) await DeductForAbsence.AddForAsync(db, activity, [new DeductForAbsence.Absentee(attendee.Id, attendee.PersonId)], utcNow, ct);
        }
    }
}
