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

    [Fact]
    public async Task AConvenerFollowsTheMembersOfTheirOwnSector_AndNoOtherSector()
    {
        var year = Clock.Today.Year;
        var reach = await app.AsAsync<GetFiveOne.Handler, Result<GetFiveOne.Reach>>("weiyuan1", (h, s) => h.ReachAsync(s, "教育界"));
        Assert.Equal(("经济界", false), (reach.Value!.Sector, reach.Value.WholeUnit));
        Assert.Equal(ErrorKind.Forbidden, (await app.AsAsync<GetFiveOne.Handler, Result<GetFiveOne.Reach>>("weiyuan2", (h, s) => h.ReachAsync(s, null))).Error!.Kind);
        Assert.True((await app.AsAsync<GetFiveOne.Handler, Result<GetFiveOne.Reach>>("office", (h, s) => h.ReachAsync(s, null))).Value!.WholeUnit);

        var sector = await app.WithDbAsync(db => db.People.Where(p => p.IsCppccMember && p.Sector == "经济界").Select(p => p.Id).OrderBy(id => id).ToListAsync());
        var convener = await app.ClientAsync("weiyuan1");
        foreach (var asked in new[] { "", "教育界" })
        {
            var html = Html.Parse(await convener.GetStringAsync($"/Duty/FiveOne?year={year}&sector={Uri.EscapeDataString(asked)}"));
            Assert.Equal(sector, html.QuerySelectorAll("[data-testid=five-table] tbody tr").Select(r => long.Parse(r.GetAttribute("data-person")!)).Order());
            Assert.Contains("经济界", html.QuerySelector("[data-testid=convened-sector]")!.TextContent);
            Assert.Null(html.QuerySelector("[data-testid=targets-form]"));
        }
        var member = Html.Parse(await (await app.ClientAsync("weiyuan2")).GetStringAsync("/Duty/FiveOne"));
        Assert.Null(member.QuerySelector("[data-testid=five-table]"));
        Assert.NotNull(member.QuerySelector("[data-testid=my-five]"));
    }

    [Fact]
    public async Task InTheThirdQuarter_TheStaffGetOneReminder_OnTheirWorkbench_ClosedWhenTheQuarterEnds()
    {
        var year = Clock.Today.Year;
        async Task<int> RunAsync(DateOnly day)
        {
            using var s = app.Services.CreateScope();
            return await s.ServiceProvider.GetRequiredService<RaiseFiveOneReminders.Handler>().RunAsync(day);
        }
        Task<List<Alert>> AlertsAsync() => app.WithDbAsync(db => db.Alerts.Where(a => a.Kind == RaiseFiveOneReminders.Kind).ToListAsync());

        Assert.Equal(0, await RunAsync(new DateOnly(year, 6, 30)));
        Assert.Empty(await AlertsAsync());
        Assert.Equal(1, await RunAsync(new DateOnly(year, 7, 1)));
        Assert.Equal(0, await RunAsync(new DateOnly(year, 7, 1)));
        var alert = Assert.Single(await AlertsAsync());
        var withGaps = (await app.AsAsync<GetFiveOne.Handler, GetFiveOne.View>("office", (h, _) => h.Handle(1, year))).Members.Count(m => m.Gaps.Count > 0);
        Assert.Contains($"{withGaps} 名委员", alert.Message);
        Assert.Equal(await app.OrgIdAsync("江州市政协委员"), alert.OrgId);
        Assert.Contains(alert.Message, await (await app.ClientAsync("office")).GetStringAsync("/"));

        // The quarter's end closes it; a later run in the season with gaps brings the same alert back, not a second one.
        await RunAsync(new DateOnly(year, 10, 1));
        Assert.NotNull(Assert.Single(await AlertsAsync()).ClosedAt);
        Assert.DoesNotContain(alert.Message, await (await app.ClientAsync("office")).GetStringAsync("/"));
        Assert.Equal(0, await RunAsync(new DateOnly(year, 9, 30)));
        Assert.Null(Assert.Single(await AlertsAsync()).ClosedAt);
    }
}
