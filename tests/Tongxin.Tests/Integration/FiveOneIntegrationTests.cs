using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Duty;
using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class FiveOneIntegrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Text = "建议完善社区养老服务设施，推动日间照料中心覆盖所有街道，并建立运营补贴机制，保障服务可持续。";

    [Fact]
    public async Task EachItemIsMetByItsRecords_OnlyOnceTheyCount_AndTargetsAreTheUnits()
    {
        var me = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "weiyuan1").Select(u => u.PersonId!.Value).SingleAsync());
        var year = Clock.Today.Year;
        Task<GetFiveOne.Member> MineAsync() => app.AsAsync<GetFiveOne.Handler, GetFiveOne.Member>("weiyuan1", async (h, _) => (await h.Handle(1, year, me)).Members.Single());
        Assert.Equal(5, (await MineAsync()).Gaps.Count);

        // A submitted proposal does not count until registered; a draft report does not count until submitted.
        var proposal = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, new("关于完善社区养老服务的建议", Text, []), true, s, DateTime.UtcNow))).Value;
        var report = (await app.AsAsync<WriteOpinion.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, "社区养老服务设施不足的情况反映", Text + Text, false, s, DateTime.UtcNow))).Value;
        Assert.Equal(0, (await MineAsync()).Counts[FiveOneItem.Proposal] + (await MineAsync()).Counts[FiveOneItem.Opinion]);
        await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office", (h, s) => h.Handle(proposal, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow));
        await app.AsAsync<WriteOpinion.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(report, "社区养老服务设施不足的情况反映", Text + Text, true, s, DateTime.UtcNow));

        // A survey counts once the member has signed in to it.
        var body = await app.OrgIdAsync("江州市政协委员");
        var start = DateTime.UtcNow.AddMinutes(-5);
        var survey = (await app.AsAsync<PlanActivity.Handler, Result<long>>("office", (h, s) => h.Handle(new()
        {
            OrgId = body, Type = ActivityType.Survey, Topic = "养老服务专题调研", Place = "城东街道", StartsAt = start, EndsAt = start.AddHours(3), AttendeeIds = [me],
        }, s, "office"))).Value;
        Assert.Equal(0, (await MineAsync()).Counts[FiveOneItem.Survey]);
        var secret = await app.WithDbAsync(async db => (await db.Activities.SingleAsync(a => a.Id == survey)).SignInSecret);
        using (var s = app.Services.CreateScope())
            await s.ServiceProvider.GetRequiredService<SignIn.Handler>().WithTokenAsync(SignInToken.Issue(survey, secret, DateTime.UtcNow), me, DateTime.UtcNow);

        var mine = await MineAsync();
        Assert.Equal([FiveOneItem.SectorActivity, FiveOneItem.PublicGood], mine.Gaps);
        Assert.Equal(new[] { $"/Proposals/Details/{proposal}", $"/Opinions/Details/{report}", $"/OrgLife/Activity/{survey}" }.Order(), mine.Records.Select(r => r.Url).Order());

        // The unit asks for two proposals this year and no public-good deed.
        Assert.Equal(ErrorKind.Forbidden, (await app.AsAsync<SetDutyTargets.Handler, Result<bool>>("weiyuan1", (h, s) => h.Handle(1, year, FiveOne.Defaults, s))).Error!.Kind);
        var targets = FiveOne.Items.ToDictionary(i => i, i => i == FiveOneItem.Proposal ? 2 : i == FiveOneItem.PublicGood ? 0 : 1);
        Assert.True((await app.AsAsync<SetDutyTargets.Handler, Result<bool>>("office", (h, s) => h.Handle(1, year, targets, s))).Ok);
        Assert.Equal([FiveOneItem.Proposal, FiveOneItem.SectorActivity], (await MineAsync()).Gaps);
        var all = await app.AsAsync<GetFiveOne.Handler, GetFiveOne.View>("office", (h, _) => h.Handle(1, year, sector: "经济界"));
        Assert.All(all.Members, m => Assert.Equal("经济界", m.Sector));
        Assert.Contains(all.Members, m => m.PersonId == me);
    }
}
