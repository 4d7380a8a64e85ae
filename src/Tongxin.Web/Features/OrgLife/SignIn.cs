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

    /// <summary>One scan: the token read from the screen, who scanned (null user name: the request's user), and when.</summary>
    public sealed record Scan(string? Token, long? PersonId, string? UserName, DateTime At);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Done>> WithTokenAsync(string? token, long? personId, DateTime utcNow, CancellationToken ct = default) =>
            (await WithTokensAsync([new Scan(token, personId, null, utcNow)], ct))[0];

        /// <summary>
        /// Several scans at once (see <see cref="SignInQueue"/>): one query for the activities, one for the attendees,
        /// one save for all sign-ins with their audit entries. Each scan gets the answer it would have got alone.
        /// </summary>
        public async Task<IReadOnlyList<Result<Done>>> WithTokensAsync(IReadOnlyList<Scan> scans, CancellationToken ct = default)
        {
            var activityIds = scans.Select(s => SignInToken.ActivityIdOf(s.Token)).OfType<long>().Distinct().ToList();
            var personIds = scans.Select(s => s.PersonId).OfType<long>().Distinct().ToList();
            var activities = activityIds.Count == 0 ? [] : await db.Activities.AsNoTracking()
                .Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var attendees = activities.Count == 0 || personIds.Count == 0 ? [] : await db.Attendees
                .Where(a => activityIds.Contains(a.ActivityId) && personIds.Contains(a.PersonId))
                .ToDictionaryAsync(a => (a.ActivityId, a.PersonId), ct);

            var results = new Result<Done>[scans.Count];
            var recorded = new List<int>();
            var marked = new List<(Attendee, Activity)>();
            for (var i = 0; i < scans.Count; i++)
            {
                var scan = scans[i];
                var activity = SignInToken.ActivityIdOf(scan.Token) is { } id ? activities.GetValueOrDefault(id) : null;
                var refused = activity is null ? Error.Validation("二维码无效") : Refusal(scan, activity);
                if (refused is not null) { results[i] = refused; continue; }
                var attendee = attendees.GetValueOrDefault((activity!.Id, scan.PersonId!.Value));
                if (attendee is null) results[i] = Error.Forbidden("您不在本次活动的应参加人员中");
                else if (attendee.SignedInAt is not null) results[i] = new Done(Outcome.AlreadySignedIn, activity.Id, activity.Topic);
                else
                {
                    Mark(attendee, SignInMethod.Qr, null, scan.At, scan.UserName);
                    marked.Add((attendee, activity));
                    results[i] = new Done(Outcome.SignedIn, activity.Id, activity.Topic);
                    recorded.Add(i);
                }
            }
            if (recorded.Count == 0) return results;
            // Points for the sign-ins go into the same save: both are kept, or neither.
            await Points.AwardForAttendance.AddAsync(db, marked, DateTime.UtcNow, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (recorded.Count > 1)
            {
                // Someone else recorded one of these meanwhile (a hand sign-in, another server): settle them one by one.
                db.ChangeTracker.Clear();
                foreach (var i in recorded) results[i] = (await WithTokensAsync([scans[i]], ct))[0];
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var only = results[recorded[0]].Value!;
                results[recorded[0]] = only with { Outcome = Outcome.AlreadySignedIn };
            }
            return results;
        }

        static Error? Refusal(Scan scan, Activity activity)
        {
            switch (SignInToken.Check(scan.Token!, activity.Id, activity.SignInSecret, new DateTimeOffset(scan.At)))
            {
                case SignInToken.Verdict.Forged: return Error.Validation("二维码无效");
                case SignInToken.Verdict.Expired: return Error.Validation("二维码已过期，请扫描屏幕上最新的二维码");
            }
            if (!activity.SignInOpen(scan.At)) return Error.Validation("不在签到时间内（活动开始前30分钟至结束）");
            if (scan.PersonId is null) return Error.Forbidden("您的账号未关联人员信息，无法签到");
            return null;
        }

        void Mark(Attendee attendee, SignInMethod method, string? reason, DateTime at, string? userName)
        {
            attendee.SignedInAt = at;
            attendee.Method = method;
            attendee.ManualReason = reason;
            if (userName is not null) db.ActAs(attendee, userName);
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
            var attendee = await db.Attendees.FirstOrDefaultAsync(a => a.ActivityId == activity.Id && a.PersonId == personId, ct);
            return await RecordAsync(activity, attendee, SignInMethod.Manual, reason.Trim(), utcNow, ct);
        }

        async Task<Result<Done>> RecordAsync(Activity activity, Attendee? attendee, SignInMethod method, string? reason, DateTime utcNow, CancellationToken ct)
        {
            if (attendee is null) return Error.Forbidden("您不在本次活动的应参加人员中");
            if (attendee.SignedInAt is not null) return new Done(Outcome.AlreadySignedIn, activity.Id, activity.Topic);
            Mark(attendee, method, reason, utcNow, null);
            await Points.AwardForAttendance.AddAsync(db, [(attendee, activity)], utcNow, ct);
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
