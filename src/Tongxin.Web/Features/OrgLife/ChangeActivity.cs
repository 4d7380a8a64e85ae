using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>变更: the planner moves a planned activity (time, place, topic, host, attendees) until it is held.</summary>
public static class ChangeActivity
{
    public sealed class Command
    {
        public long ActivityId { get; set; }
        public string Topic { get; set; } = "";
        public string Place { get; set; } = "";
        public DateTime StartsAt { get; set; }
        public DateTime EndsAt { get; set; }
        public long? HostPersonId { get; set; }
        /// <summary>Null keeps the attendees as they are.</summary>
        public List<long>? AttendeeIds { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(Command c, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            var access = await ActivityAccess.ForPlannerAsync(db, c.ActivityId, scope, track: true, ct);
            if (!access.Ok) return access.Error!;
            var activity = access.Value!;
            var topic = c.Topic?.Trim() ?? "";
            var place = c.Place?.Trim() ?? "";
            if (topic.Length == 0) return Error.Validation("请填写活动主题", nameof(c.Topic));
            if (topic.Length > 200) return Error.Validation("活动主题不能超过200字", nameof(c.Topic));
            if (place.Length == 0) return Error.Validation("请填写地点", nameof(c.Place));
            if (place.Length > 100) return Error.Validation("地点不能超过100字", nameof(c.Place));
            var (starts, ends) = (DateTime.SpecifyKind(c.StartsAt, DateTimeKind.Utc), DateTime.SpecifyKind(c.EndsAt, DateTimeKind.Utc));
            if (ends <= starts) return Error.Validation("结束时间应晚于开始时间", nameof(c.EndsAt));
            if (ends - starts > TimeSpan.FromDays(3)) return Error.Validation("单次活动不能超过3天", nameof(c.EndsAt));

            var attendees = await db.Attendees.Where(a => a.ActivityId == activity.Id).ToListAsync(ct);
            List<long> added = [];
            if (c.AttendeeIds is { } wanted)
            {
                wanted = wanted.Distinct().ToList();
                added = wanted.Except(attendees.Select(a => a.PersonId)).ToList();
                if (added.Count > 0 && await ExpectedAttendees.CheckAddedAsync(db, scope, await db.Organizations.FirstAsync(o => o.Id == activity.OrgId, ct),
                        activity.Type, added, ct) is { } notAllowed) return notAllowed;
                if (wanted.Count == 0) return Error.Validation("没有应参加人员", nameof(c.AttendeeIds));
                // Someone who already signed in or asked for leave stays on the list: their record is not thrown away.
                var removable = attendees.Where(a => !wanted.Contains(a.PersonId) && a.SignedInAt is null && a.Leave == LeaveStatus.None).ToList();
                db.Attendees.RemoveRange(removable);
                db.Attendees.AddRange(added.Select(p => new Attendee { ActivityId = activity.Id, PersonId = p, TenantId = activity.TenantId }));
                attendees = attendees.Except(removable).ToList();
                if (c.HostPersonId is { } h && !wanted.Contains(h)) return Error.Validation("主持人应是参加人员", nameof(c.HostPersonId));
            }
            else if (c.HostPersonId is { } host && attendees.All(a => a.PersonId != host))
                return Error.Validation("主持人应是参加人员", nameof(c.HostPersonId));

            if (activity.Change(topic, place, starts, ends, c.HostPersonId, utcNow) is { } error) return error;
            Notices.Notify.People(db, activity.TenantId, attendees.Select(a => a.PersonId),
                $"活动有变更：“{activity.Topic}”改为{Clock.Show(activity.StartsAt)}在{activity.Place}举行", "/OrgLife/Mine", utcNow, scope.PersonId);
            Notices.Notify.People(db, activity.TenantId, added,
                $"请参加“{activity.Topic}”：{Clock.Show(activity.StartsAt)}，{activity.Place}", "/OrgLife/Mine", utcNow, scope.PersonId);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("活动已被他人变更、确认或取消，请刷新后再试"); }
            return activity.Id;
        }
    }
}
