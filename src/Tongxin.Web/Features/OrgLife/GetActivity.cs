using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.OrgLife;

public static class GetActivity
{
    public sealed record Person(long AttendeeId, long PersonId, string Name, PartyStatus Status, DateTime? SignedInAt,
        SignInMethod Method, string? ManualReason, LeaveStatus Leave, string? LeaveReason);

    public sealed record View(Activity Activity, string OrgName, string? HostName, IReadOnlyList<Person> Attendees, bool CanManage)
    {
        public IReadOnlyList<ActivityAttachment> Files { get; init; } = [];
        public int Present => Attendees.Count(a => a.SignedInAt is not null);
        public int OnLeave => Attendees.Count(a => a.SignedInAt is null && a.Leave == LeaveStatus.Granted);
        /// <summary>Not signed in, no leave granted, not the host: 缺席 once held, 未签到 before.</summary>
        public int AbsentWithoutLeave => ConfirmHeld.WouldBeAbsent(this).Count;
        public bool IsHost(Person p) => p.PersonId == Activity.HostPersonId;
    }

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Visible to those with OrgLife.View on the organisation, and to its expected attendees.</summary>
        public async Task<View?> Handle(long id, Scope scope, CancellationToken ct = default)
        {
            var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (activity is null) return null;
            var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == activity.OrgId, ct);
            var attending = scope.PersonId is { } me && await db.Attendees.AnyAsync(a => a.ActivityId == id && a.PersonId == me, ct);
            if (!scope.Can(Permissions.OrgLife.View, org.Path) && !attending) return null;
            var people = await (from a in db.Attendees
                                join p in db.People on a.PersonId equals p.Id
                                where a.ActivityId == id
                                orderby p.NameInitials
                                select new Person(a.Id, p.Id, p.Name, p.PartyStatus, a.SignedInAt, a.Method, a.ManualReason, a.Leave, a.LeaveReason))
                .ToListAsync(ct);
            var host = activity.HostPersonId is { } h ? await db.People.Where(p => p.Id == h).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
            var files = await db.Set<ActivityAttachment>().AsNoTracking().Where(f => f.ActivityId == id).OrderBy(f => f.Id).ToListAsync(ct);
            return new View(activity, org.Name, host, people, scope.Can(Permissions.OrgLife.Plan, org.Path)) { Files = files };
        }
    }
}
