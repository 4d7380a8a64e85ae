using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>计划报备: a secretary plans an activity; the expected attendees are derived and may be adjusted.</summary>
public static class PlanActivity
{
    public sealed class Command
    {
        public long OrgId { get; set; }
        public ActivityType Type { get; set; }
        public string Topic { get; set; } = "";
        public DateTime StartsAt { get; set; }
        public DateTime EndsAt { get; set; }
        public string Place { get; set; } = "";
        public long? HostPersonId { get; set; }
        /// <summary>Null: the derived list as is. Otherwise the adjusted list.</summary>
        public List<long>? AttendeeIds { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(Command c, Scope scope, string userName, CancellationToken ct = default)
        {
            var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == c.OrgId, ct);
            if (org is null || !scope.Can(Permissions.OrgLife.View, org.Path)) return Error.NotFound("组织不存在或不在您的管理范围内");
            if (!scope.Can(Permissions.OrgLife.Plan, org.Path)) return Error.Forbidden();
            if (org.IsClosed) return Error.Validation("组织已撤销", nameof(c.OrgId));
            if (!ExpectedAttendees.Fits(org.Type, c.Type))
                return Error.Validation(c.Type.Info().Duty ? "委员履职活动应由政协委员组织召开" : c.Type == ActivityType.GroupMeeting ? "党小组会应由党小组召开" : "该活动应由党支部召开", nameof(c.Type));
            if (string.IsNullOrWhiteSpace(c.Topic)) return Error.Validation("请填写活动主题", nameof(c.Topic));
            if (c.Topic.Trim().Length > 200) return Error.Validation("活动主题不能超过200字", nameof(c.Topic));
            if (string.IsNullOrWhiteSpace(c.Place)) return Error.Validation("请填写地点", nameof(c.Place));
            if (c.EndsAt <= c.StartsAt) return Error.Validation("结束时间应晚于开始时间", nameof(c.EndsAt));
            if (c.EndsAt - c.StartsAt > TimeSpan.FromDays(3)) return Error.Validation("单次活动不能超过3天", nameof(c.EndsAt));

            var derived = await ExpectedAttendees.ForAsync(db, org, c.Type, ct);
            var attendees = c.AttendeeIds?.Distinct().ToList() ?? derived;
            if (await ExpectedAttendees.CheckAddedAsync(db, scope, org, c.Type, attendees.Except(derived).ToList(), ct) is { } notAllowed) return notAllowed;
            if (attendees.Count == 0) return Error.Validation("没有应参加人员", nameof(c.AttendeeIds));
            if (c.HostPersonId is { } host && !attendees.Contains(host)) return Error.Validation("主持人应是参加人员", nameof(c.HostPersonId));

            var activity = new Activity
            {
                TenantId = org.TenantId, OrgId = org.Id, Type = c.Type, Topic = c.Topic.Trim(), Place = c.Place.Trim(),
                StartsAt = DateTime.SpecifyKind(c.StartsAt, DateTimeKind.Utc), EndsAt = DateTime.SpecifyKind(c.EndsAt, DateTimeKind.Utc),
                HostPersonId = c.HostPersonId, Status = ActivityStatus.Planned, SignInSecret = RandomNumberGenerator.GetBytes(32),
                CreatedBy = userName, CreatedAt = DateTime.UtcNow,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Activities.Add(activity);
            await db.SaveChangesAsync(ct);
            db.Attendees.AddRange(attendees.Select(p => new Attendee { ActivityId = activity.Id, PersonId = p, TenantId = org.TenantId }));
            Notices.Notify.People(db, org.TenantId, attendees, $"{org.Name}将于{Clock.Show(activity.StartsAt)}在{activity.Place}召开“{activity.Topic}”，请准时参加",
                "/OrgLife/Mine", DateTime.UtcNow, scope.PersonId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return activity.Id;
        }
    }
}
