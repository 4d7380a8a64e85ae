using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Features.Stars;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>One rule, tested in each place: nobody decides a record of which they are the subject.</summary>
[Trait("Category", "Db")]
public class ConflictOfInterestTests(AppFactory app) : IClassFixture<AppFactory>
{
    Task<long> PersonOfAsync(string user) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.PersonId!.Value).SingleAsync());

    [Fact]
    public async Task NobodyProposesOrApprovesPointsForThemself()
    {
        var now = DateTime.UtcNow;
        var leader = await PersonOfAsync("groupleader1");
        var secretary = await PersonOfAsync("secretary1");

        // A group leader cannot propose for themself…
        var own = await app.AsAsync<ManualAward.Handler, Result<long>>("groupleader1", (h, s) => h.ProposeAsync(leader, "award", "获评局先进工作者", "局文件", s, "groupleader1", now));
        Assert.Equal(ConflictOfInterest.Message, own.Error!.Message);
        // …nor a secretary for themself…
        var sec = await app.AsAsync<ManualAward.Handler, Result<long>>("secretary1", (h, s) => h.ProposeAsync(secretary, "award", "获评优秀党务工作者", "文件", s, "secretary1", now));
        Assert.Equal(ConflictOfInterest.Message, sec.Error!.Message);

        // …and an award proposed for the secretary by the party administrator is not theirs to approve.
        var forSecretary = await app.AsAsync<ManualAward.Handler, Result<long>>("partyadmin", (h, s) => h.ProposeAsync(secretary, "award", "获评优秀党务工作者", "机关党委文件", s, "partyadmin", now));
        Assert.True(forSecretary.Ok, forSecretary.Error?.Message);
        var approveOwn = await app.AsAsync<ManualAward.Handler, Result<bool>>("secretary1", (h, s) => h.DecideAsync(forSecretary.Value, true, null, s, "secretary1", now));
        Assert.Equal(ConflictOfInterest.Message, approveOwn.Error!.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.PointEntries.CountAsync(e => e.SourceKey == $"proposal:{forSecretary.Value}")));
    }

    [Fact]
    public async Task NobodyGrantsTheirOwnLeave()
    {
        var secretary = await PersonOfAsync("secretary1");
        var b1 = await app.OrgIdAsync("第一党支部");
        var start = DateTime.UtcNow.AddDays(3);
        var planned = await app.AsAsync<PlanActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(new PlanActivity.Command
        {
            OrgId = b1, Type = ActivityType.CommitteeMeeting, Topic = "支委会研究发展党员", Place = "党员活动室",
            StartsAt = start, EndsAt = start.AddHours(2),
        }, s, "secretary1"));
        Assert.True(planned.Ok, planned.Error?.Message);
        var asked = await app.AsAsync<Leave.Handler, Result<long>>("secretary1", (h, _) => h.RequestAsync(planned.Value, secretary, "外出开会", DateTime.UtcNow));
        Assert.True(asked.Ok, asked.Error?.Message);
        var granted = await app.AsAsync<Leave.Handler, Result<long>>("secretary1", (h, s) => h.DecideAsync(asked.Value, true, s, "secretary1"));
        Assert.Equal(ConflictOfInterest.Message, granted.Error!.Message);
        Assert.Equal(LeaveStatus.Requested, await app.WithDbAsync(db => db.Attendees.Where(a => a.Id == asked.Value).Select(a => a.Leave).SingleAsync()));
        Assert.True((await app.AsAsync<Leave.Handler, Result<long>>("partyadmin", (h, s) => h.DecideAsync(asked.Value, true, s, "partyadmin"))).Ok);
    }

    [Fact]
    public async Task NobodyReviewsTheSelfAssessmentOfTheirOwnBranch()
    {
        var b2 = await app.OrgIdAsync("第二党支部");
        var year = Clock.Today.Year;
        var input = StarChecklist.DefaultItems.Where(i => i.Source == StarSource.Manual)
            .ToDictionary(i => i.Code, i => new SelfAssess.Input(i.MaxScore, "支部工作台账"));
        var assessed = await app.AsAsync<SelfAssess.Handler, Result<long>>("secretary2", (h, s) => h.Handle(b2, year, input, true, s, "secretary2", DateTime.UtcNow, Clock.Today));
        Assert.True(assessed.Ok, assessed.Error?.Message);
        // The reviewer here is a user whose own membership is in the second branch, holding the review permission.
        var reviewer = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "secretary2");
            db.RoleAssignments.Add(new Tongxin.Web.Infrastructure.Auth.RoleAssignment
            {
                UserId = user.Id, Role = Tongxin.Web.Infrastructure.Auth.Roles.PartyAdmin,
                OrgId = await db.Organizations.Where(o => o.Name == "中共江州市政协机关委员会").Select(o => o.Id).SingleAsync(), TenantId = user.TenantId!.Value,
            });
            await db.SaveChangesAsync();
            return user.UserName!;
        });
        var review = await app.AsAsync<ReviewRating.Handler, Result<int>>(reviewer, (h, s) => h.Handle(assessed.Value, true, new Dictionary<string, ReviewRating.Input>(), null, s, "另一名审核人", DateTime.UtcNow));
        Assert.Equal(ConflictOfInterest.Message, review.Error!.Message);
        Assert.Equal(StarRatingStatus.Submitted, await app.WithDbAsync(db => db.StarRatings.Where(r => r.Id == assessed.Value).Select(r => r.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(5L, new long[] { 5 }, true)]
    [InlineData(5L, new long[] { 6, 7 }, false)]
    [InlineData(null, new long[] { 5 }, false)]
    public void TheRule(long? me, long[] subjects, bool refused)
    {
        var scope = new Tongxin.Web.Infrastructure.Auth.Scope("u", me, []);
        Assert.Equal(refused, ConflictOfInterest.Check(scope, [.. subjects.Select(s => (long?)s)]) is not null);
    }
}
