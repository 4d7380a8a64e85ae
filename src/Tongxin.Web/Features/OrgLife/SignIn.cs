using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>扫码签到 and the paper fallback. Each expected person is recorded once; a second scan changes nothing.</summary>
public static class SignIn
{
    public enum Outcome { SignedIn, AlreadySignedIn }

    public sealed record Done(Outcome Outcome, long ActivityId, string Topic);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Done>> WithTokenAsync(string? token, long? personId, DateTime utcNow, CancellationToken ct = default)
        {
            var activityId = SignInToken.ActivityIdOf(token);
            var activity = activityId is null ? null : await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
            if (activity is null) return Error.Validation("二维码无效");
            switch (SignInToken.Check(token!, activity.Id, activity.SignInSecret, new DateTimeOffset(utcNow)))
            {
                case SignInToken.Verdict.Forged: return Error.Validation("二维码无效");
                case SignInToken.Verdict.Expired: return Error.Validation("二维码已过期，请扫描屏幕上最新的二维码");
            }
            if (!activity.SignInOpen(utcNow)) return Error.Validation("不在签到时间内（活动开始前30分钟至结束）");
            if (personId is null) return Error.Forbidden("您的账号未关联人员信息，无法签到");
            return await RecordAsync(activity, personId.Value, SignInMethod.Qr, null, utcNow, ct);
        }

        /// <summary>A secretary records a sign-in by hand (paper sheet), with the reason.</summary>
        public async Task<Result<Done>> ManualAsync(long activityId, long personId, string? reason, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            var access = await ActivityAccess.ForPlannerAsync(db, activityId, scope, track: false, ct);
            if (!access.Ok) return access.Error!;
            var activity = access.Value!;
            if (string.IsNullOrWhiteSpace(reason)) return Error.Validation("补签须说明原因", "Reason");
            if (activity.Status == ActivityStatus.Cancelled) return Error.Conflict("活动已取消");
            if (utcNow < activity.StartsAt - Activity.SignInOpensBefore) return Error.Validation("活动尚未开始，不能补签");
            return await RecordAsync(activity, personId, SignInMethod.Manual, reason.Trim(), utcNow, ct);
        }

        async Task<Result<Done>> RecordAsync(Activity activity, long personId, SignInMethod method, string? reason, DateTime utcNow, CancellationToken ct)
        {
            var attendee = await db.Attendees.FirstOrDefaultAsync(a => a.ActivityId == activity.Id && a.PersonId == personId, ct);
            if (attendee is null) return Error.Forbidden("您不在本次活动的应参加人员中");
            if (attendee.SignedInAt is not null) return new Done(Outcome.AlreadySignedIn, activity.Id, activity.Topic);
            attendee.SignedInAt = utcNow;
            attendee.Method = method;
            attendee.ManualReason = reason;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The same person scanned twice at once: the other request recorded it.
                db.ChangeTracker.Clear();
                return new Done(Outcome.AlreadySignedIn, activity.Id, activity.Topic);
            }
            return new Done(Outcome.SignedIn, activity.Id, activity.Topic);
        }
    }
}
