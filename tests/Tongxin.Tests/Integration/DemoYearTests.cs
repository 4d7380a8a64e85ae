using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Stars;
using Tongxin.Web.Features.Todo;
using Tongxin.Web.Infrastructure.Seeding;
using Kind = Tongxin.Web.Features.Todo.GetTodo.Kind;
using ProposalStatus = Tongxin.Web.Features.Proposals.ProposalStatus;

namespace Tongxin.Tests.Integration;

public sealed class DemoYearApp : AppFactory
{
    protected override bool WithDemoYear => true;
}

/// <summary>The demo shows the product (issue 12 point 10): a year of use made by the handlers, its figures derived, not inserted.</summary>
[Trait("Category", "Db")]
public class DemoYearTests(DemoYearApp app) : IClassFixture<DemoYearApp>
{
    [Fact]
    public async Task EveryAttendancePointComesFromASignInOfAHeldMeeting_AndEveryAbsenceDeductionFromAnAbsence()
    {
        var (entries, signedIn, absent) = await app.WithDbAsync(async db => (
            await db.PointEntries.Select(e => new { e.SourceKey, e.Points, e.RuleCode }).ToListAsync(),
            (await (from x in db.Attendees join a in db.Activities on x.ActivityId equals a.Id
                    where a.Status == ActivityStatus.Held && x.SignedInAt != null select x.Id).ToListAsync()).ToHashSet(),
            (await (from x in db.Attendees join a in db.Activities on x.ActivityId equals a.Id
                    where a.Status == ActivityStatus.Held && x.SignedInAt == null && x.Leave != LeaveStatus.Granted select x.Id).ToListAsync()).ToHashSet()));
        var attendance = entries.Where(e => e.SourceKey.StartsWith("signin:")).ToList();
        Assert.True(attendance.Count > 200, $"{attendance.Count} attendance entries");
        Assert.All(attendance, e => Assert.Contains(long.Parse(e.SourceKey["signin:".Length..]), signedIn));
        var deductions = entries.Where(e => e.SourceKey.StartsWith("absent:")).ToList();
        Assert.NotEmpty(deductions);
        Assert.All(deductions, e => Assert.Contains(long.Parse(e.SourceKey["absent:".Length..]), absent));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.SourceKey)));
    }

    [Fact]
    public async Task ProposalsStandInEveryState_AndTheCppccSideHasItsRecords()
    {
        var statuses = await app.WithDbAsync(db => db.Proposals.Select(p => p.Status).Distinct().ToListAsync());
        ProposalStatus[] all = [ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.Registered, ProposalStatus.Assigned,
            ProposalStatus.Replied, ProposalStatus.Rated, ProposalStatus.Closed, ProposalStatus.Refused, ProposalStatus.Merged];
        Assert.All(all, s => Assert.Contains(s, statuses));
        Assert.True(await app.WithDbAsync(db => db.Proposals.AnyAsync(p => p.SentBack && p.Status == ProposalStatus.Assigned)));
        Assert.True(await app.WithDbAsync(db => db.Proposals.AnyAsync(p => p.Units.Any(u => u.IsLead))));
        Assert.True(await app.WithDbAsync(db => db.OpinionReports.AnyAsync(o => o.Instruction != null)));
        Assert.True(await app.WithDbAsync(db => db.OpinionReports.CountAsync(o => o.Status == Tongxin.Web.Features.Opinions.OpinionStatus.Adopted)) >= 2);
        Assert.True(await app.WithDbAsync(db => db.LiaisonContacts.CountAsync()) >= 3);
        var dutyTypes = ActivityTypes.All.Where(t => t.Duty).Select(t => t.Type).ToList();
        Assert.True(await app.WithDbAsync(db => (from x in db.Attendees join a in db.Activities on x.ActivityId equals a.Id
                                                 where dutyTypes.Contains(a.Type) && a.Status == ActivityStatus.Held && x.SignedInAt != null select x).CountAsync()) > 10);
    }

    [Fact]
    public async Task TheYearEndsWithAFinishedAppraisalAndStarRating_AndEachDemoAccountHasSomethingWaiting()
    {
        var rounds = await app.WithDbAsync(db => (from r in db.AppraisalRounds join o in db.Organizations on r.OrgId equals o.Id select new { o.Name, r.Status }).ToListAsync());
        Assert.Contains(rounds, r => r.Name == "第一党支部" && r.Status == AppraisalStatus.Final);
        Assert.Contains(rounds, r => r.Name == "第二党支部" && r.Status == AppraisalStatus.Open);
        var ratings = await app.WithDbAsync(db => (from r in db.StarRatings join o in db.Organizations on r.OrgId equals o.Id select new { o.Name, r.Status }).ToListAsync());
        Assert.Contains(ratings, r => r.Name == "第一党支部" && r.Status == StarRatingStatus.Reviewed);
        Assert.Contains(ratings, r => r.Name == "第二党支部" && r.Status == StarRatingStatus.Submitted);

        async Task<IReadOnlyDictionary<Kind, int>> Counts(string user) => (await app.AsAsync<GetTodo.Handler, GetTodo.View>(user, (h, s) => h.Handle(s, user))).Counts;
        Assert.True((await Counts("secretary1")).ContainsKey(Kind.Leave));
        Assert.True((await Counts("partyadmin")).ContainsKey(Kind.PointsApproval));
        Assert.True((await Counts("partyadmin")).ContainsKey(Kind.StarsReview));
        Assert.True((await Counts("office")).ContainsKey(Kind.ProposalReview));
        Assert.True((await Counts("office")).ContainsKey(Kind.Opinion));
        Assert.True((await Counts("unit1")).ContainsKey(Kind.ProposalAnswer));
        Assert.True((await Counts("weiyuan1")).ContainsKey(Kind.ProposalRating));
        Assert.True((await Counts("weiyuan2")).ContainsKey(Kind.Cosign));
        Assert.True((await Counts("secretary2")).ContainsKey(Kind.Ballot));
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        Assert.NotEmpty(await app.WithDbAsync(db => db.Notices.Where(n => n.PersonId == member).ToListAsync()));

        foreach (var user in new[] { "partyadmin", "secretary1", "office", "member1", "weiyuan1", "leader" })
            Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync(user)).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AMeetingTodayOpensForSignInNow_AndNamesGoWithTheirGender()
    {
        var now = DateTime.UtcNow;
        var today = await app.WithDbAsync(db => db.Activities.Where(a => a.Status == ActivityStatus.Planned && a.StartsAt > now && a.StartsAt < now.AddHours(1)).ToListAsync());
        var meeting = Assert.Single(today);
        Assert.True(meeting.StartsAt - Activity.SignInOpensBefore <= now, "sign-in is open at once");
        var people = await app.WithDbAsync(db => db.People.Select(p => new { p.Name, p.Gender }).ToListAsync());
        Assert.All(people, p => Assert.Equal(p.Gender, DemoData.GenderFor(p.Name, p.Gender)));
        Assert.Contains(people, p => p.Name.EndsWith("伟") && p.Gender == Tongxin.Web.Features.People.Gender.Male);
    }
}
