using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class DutyActivityTests(AppFactory app) : IClassFixture<AppFactory>
{
    static PlanActivity.Command Command(long org, ActivityType type, List<long>? attendees = null)
    {
        var start = DateTime.UtcNow.AddMinutes(-5);
        return new() { OrgId = org, Type = type, Topic = "市政协十五届常委会第十次会议", Place = "市政协大会堂", StartsAt = start, EndsAt = start.AddHours(3), AttendeeIds = attendees };
    }

    [Fact]
    public async Task DutyActivities_AreHeldByTheMembersBody_WithEveryMemberExpected_AndSignInWithoutPartyPoints()
    {
        var body = await app.OrgIdAsync("江州市政协委员");
        var branch = await app.OrgIdAsync("第一党支部");
        Task<Result<long>> Plan(string user, PlanActivity.Command c) => app.AsAsync<PlanActivity.Handler, Result<long>>(user, (h, s) => h.Handle(c, s, user));

        Assert.Equal("委员履职活动应由政协委员组织召开", (await Plan("partyadmin", Command(branch, ActivityType.Plenary))).Error!.Message);
        Assert.Equal(ErrorKind.NotFound, (await Plan("secretary1", Command(body, ActivityType.Plenary))).Error!.Kind);
        Assert.Equal("该活动应由党支部召开", (await Plan("office", Command(body, ActivityType.BranchMeeting))).Error!.Message);

        var plenary = (await Plan("office", Command(body, ActivityType.Plenary))).Value;
        var (expected, members, standing) = await app.WithDbAsync(async db => (
            await db.Attendees.Where(a => a.ActivityId == plenary).Select(a => a.PersonId).OrderBy(p => p).ToListAsync(),
            await db.People.Where(p => p.IsCppccMember).Select(p => p.Id).OrderBy(p => p).ToListAsync(),
            await db.People.Where(p => p.IsCppccMember && p.IsStandingCommittee).Select(p => p.Id).OrderBy(p => p).ToListAsync()));
        Assert.Equal(members, expected);
        var standingMeeting = (await Plan("office", Command(body, ActivityType.StandingCommittee))).Value;
        Assert.Equal(standing, await app.WithDbAsync(db => db.Attendees.Where(a => a.ActivityId == standingMeeting).Select(a => a.PersonId).OrderBy(p => p).ToListAsync()));

        // A survey: the participants chosen, CPPCC members only.
        var staff = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        Assert.Equal("参加人员不在您的管理范围内", (await Plan("office", Command(body, ActivityType.Survey, [members[0], staff]))).Error!.Message);
        var survey = (await Plan("office", Command(body, ActivityType.Survey, [members[0], members[1]]))).Value;
        Assert.Equal(2, await app.WithDbAsync(db => db.Attendees.CountAsync(a => a.ActivityId == survey)));

        // Phone sign-in works as for any meeting; no party points come of it.
        var weiyuan = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "weiyuan1").Select(u => u.PersonId!.Value).SingleAsync());
        var (id, secret) = await app.WithDbAsync(async db => (plenary, (await db.Activities.SingleAsync(a => a.Id == plenary)).SignInSecret));
        using (var s = app.Services.CreateScope())
            Assert.True((await s.ServiceProvider.GetRequiredService<SignIn.Handler>().WithTokenAsync(SignInToken.Issue(id, secret, DateTime.UtcNow), weiyuan, DateTime.UtcNow)).Ok);
        var attendee = await app.WithDbAsync(db => db.Attendees.SingleAsync(a => a.ActivityId == plenary && a.PersonId == weiyuan));
        Assert.NotNull(attendee.SignedInAt);
        Assert.False(await app.WithDbAsync(db => db.PointEntries.AnyAsync(e => e.SourceKey == $"signin:{attendee.Id}")));

        // The branches' compliance calendar knows nothing of duty activities.
        var report = await app.AsAsync<GetCompliance.Handler, GetCompliance.Report?>("partyadmin", (h, s) => h.Handle(s, null, Period.Of(RulePeriod.Year, Clock.Today), Clock.Today));
        Assert.DoesNotContain(report!.Units.SelectMany(u => u.Types), t => t.Type.Info().Duty);
        Assert.DoesNotContain(report.Units, u => u.OrgId == body);
    }
}
