using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Duty;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Dashboard;

/// <summary>A member's own 工作台: their next activities, their points by category, their 五个一 (a CPPCC member).</summary>
public static class GetMyDashboard
{
    public sealed record Next(long Id, ActivityType Type, string Topic, string OrgName, DateTime StartsAt, string Place);

    public sealed record View(int Year, IReadOnlyList<Next> Activities, GetMyPoints.View? Points, GetFiveOne.Member? FiveOne,
        IReadOnlyDictionary<FiveOneItem, int>? Targets);

    public sealed class Handler(AppDbContext db, TimeProvider time, GetMyPoints.Handler points, GetFiveOne.Handler fiveOne)
    {
        public async Task<View?> Handle(Scope scope, DateOnly today, CancellationToken ct = default)
        {
            if (scope.PersonId is not { } me) return null;
            var person = await db.People.Where(p => p.Id == me).Select(p => new { p.TenantId, p.PartyStatus, p.IsCppccMember }).FirstOrDefaultAsync(ct);
            if (person is null) return null;
            var now = time.GetUtcNow().UtcDateTime;
            var next = await (from x in db.Attendees
                              join a in db.Activities on x.ActivityId equals a.Id
                              join o in db.Organizations on a.OrgId equals o.Id
                              where x.PersonId == me && a.Status == ActivityStatus.Planned && a.EndsAt >= now
                              orderby a.StartsAt
                              select new Next(a.Id, a.Type, a.Topic, o.Name, a.StartsAt, a.Place)).Take(5).ToListAsync(ct);
            var myPoints = person.PartyStatus != People.PartyStatus.None ? await points.Handle(me, today.Year, ct) : null;
            GetFiveOne.View? duty = person.IsCppccMember ? await fiveOne.Handle(person.TenantId, today.Year, me, ct: ct) : null;
            return new View(today.Year, next, myPoints, duty?.Members.SingleOrDefault(), duty?.Targets);
        }
    }
}
