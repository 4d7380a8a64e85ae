using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Features.Todo;
using Tongxin.Web.Shared;
using Kind = Tongxin.Web.Features.Todo.GetTodo.Kind;

namespace Tongxin.Tests.Integration;

/// <summary>待办 (issue 12 point 1): each kind for the right person only, gone once done; the page and the top bar agree.</summary>
[Trait("Category", "Db")]
public class TodoTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Content = "建议在城区增设夜间公交线路，方便夜班职工出行，并与地铁末班车时间衔接。";

    Task<GetTodo.View> TodoOf(string user) => app.AsAsync<GetTodo.Handler, GetTodo.View>(user, (h, s) => h.Handle(s, user));

    async Task<string[]> Titles(string user, Kind kind) => (await TodoOf(user)).Items.Where(i => i.Kind == kind).Select(i => i.Title).ToArray();

    Task<long> PersonOf(string user) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.PersonId!.Value).SingleAsync());

    [Fact]
    public async Task AProposalWaitsOnEachInTurn_CosignerOfficeUnitAndLead_AndOnNobodyElse()
    {
        const string title = "关于增设夜间公交线路的建议";
        var cosigner = await PersonOf("weiyuan2");
        var id = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, new(title, Content, [cosigner]), true, s, DateTime.UtcNow))).Value;
        Assert.Equal([title], await Titles("weiyuan2", Kind.Cosign));
        Assert.Empty(await Titles("weiyuan1", Kind.Cosign));
        Assert.Equal([title], await Titles("office", Kind.ProposalReview));
        Assert.Empty(await Titles("unit1", Kind.ProposalReview));
        Assert.Empty((await TodoOf("member1")).Items.Where(i => i.Title == title));

        Assert.True((await app.AsAsync<ConfirmCosign.Handler, Result<bool>>("weiyuan2", (h, s) => h.Handle(id, true, s, DateTime.UtcNow))).Ok);
        Assert.Empty(await Titles("weiyuan2", Kind.Cosign));
        Assert.True((await app.AsAsync<ReviewProposal.Handler, Result<Tongxin.Web.Features.Proposals.ProposalStatus>>("office", (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow))).Ok);
        Assert.Empty(await Titles("office", Kind.ProposalReview));

        var edu = await app.OrgIdAsync("江州市教育局");
        Assert.True((await app.AsAsync<AssignProposal.Handler, Result<bool>>("office", (h, s) => h.AssignAsync(id, new(edu, [], null, null, false, false), s, Clock.Today))).Ok);
        Assert.Equal([title], await Titles("unit1", Kind.ProposalAnswer));
        Assert.Empty(await Titles("office", Kind.ProposalAnswer));
        Assert.True((await app.AsAsync<AnswerProposal.Handler, Result<bool>>("unit1", (h, s) => h.ReplyAsync(id, OutcomeClass.B, "我局已会同公交集团研究夜间线路方案，拟于明年开通两条试点线路。", s, "unit1", Clock.Today))).Ok);
        Assert.Empty(await Titles("unit1", Kind.ProposalAnswer));
        Assert.Equal([title], await Titles("weiyuan1", Kind.ProposalRating));
        Assert.Empty(await Titles("weiyuan2", Kind.ProposalRating)); // the lead rates
        Assert.True((await app.AsAsync<AnswerProposal.Handler, Result<bool>>("weiyuan1", (h, s) => h.RateAsync(id, Satisfaction.Satisfied, Satisfaction.Satisfied, null, s, DateTime.UtcNow))).Ok);
        Assert.Empty(await Titles("weiyuan1", Kind.ProposalRating));
    }

    [Fact]
    public async Task APointsAwardWaitsOnTheApprover_NotOnTheProposerOrTheMember()
    {
        var member = await PersonOf("member1");
        var proposed = await app.AsAsync<ManualAward.Handler, Result<long>>("secretary1", (h, s) => h.ProposeAsync(member, "award", "获评市级优秀志愿者", "市文明办通报", s, "secretary1", DateTime.UtcNow));
        Assert.True(proposed.Ok, proposed.Error?.Message);
        Assert.Contains(await Titles("partyadmin", Kind.PointsApproval), t => t.Contains("获评市级优秀志愿者"));
        Assert.DoesNotContain(await Titles("secretary1", Kind.PointsApproval), t => t.Contains("获评市级优秀志愿者"));
        Assert.DoesNotContain(await Titles("secretary2", Kind.PointsApproval), t => t.Contains("获评市级优秀志愿者"));
        Assert.Empty(await Titles("member1", Kind.PointsApproval));
        Assert.True((await app.AsAsync<ManualAward.Handler, Result<bool>>("partyadmin", (h, s) => h.DecideAsync(proposed.Value, true, null, s, "partyadmin", DateTime.UtcNow))).Ok);
        Assert.DoesNotContain(await Titles("partyadmin", Kind.PointsApproval), t => t.Contains("获评市级优秀志愿者"));
    }

    [Fact]
    public async Task ALeaveRequestWaitsOnItsBranch_AndAMeetingThatEndedUnrecordedToo()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var member = await PersonOf("member1");
        var start = DateTime.UtcNow.AddDays(2);
        var planned = await app.AsAsync<PlanActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(new PlanActivity.Command
        {
            OrgId = b1, Type = ActivityType.CommitteeMeeting, Topic = "支委会研究年度计划", Place = "党员活动室", StartsAt = start, EndsAt = start.AddHours(2),
        }, s, "secretary1"));
        var general = await app.AsAsync<PlanActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(new PlanActivity.Command
        {
            OrgId = b1, Type = ActivityType.BranchMeeting, Topic = "党员大会学习全会精神", Place = "党员活动室", StartsAt = start, EndsAt = start.AddHours(2),
        }, s, "secretary1"));
        Assert.True(general.Ok, general.Error?.Message);
        var asked = await app.AsAsync<Leave.Handler, Result<long>>("member1", (h, _) => h.RequestAsync(general.Value, member, "出差", DateTime.UtcNow));
        Assert.True(asked.Ok, asked.Error?.Message);
        Assert.Contains(await Titles("secretary1", Kind.Leave), t => t.Contains("党员大会学习全会精神"));
        Assert.Empty(await Titles("secretary2", Kind.Leave));
        Assert.Empty(await Titles("member1", Kind.Leave));
        Assert.Contains((await TodoOf("member1")).Next14Days, a => a.Topic == "党员大会学习全会精神");
        Assert.True((await app.AsAsync<Leave.Handler, Result<long>>("secretary1", (h, s) => h.DecideAsync(asked.Value, true, s, "secretary1"))).Ok);
        Assert.DoesNotContain(await Titles("secretary1", Kind.Leave), t => t.Contains("党员大会学习全会精神"));

        // The committee meeting is moved into the past and never recorded: it waits on the branch.
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == planned.Value)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.StartsAt, DateTime.UtcNow.AddDays(-3)).SetProperty(a => a.EndsAt, DateTime.UtcNow.AddDays(-3).AddHours(2))));
        Assert.Contains(await Titles("secretary1", Kind.Unrecorded), t => t.Contains("支委会研究年度计划"));
        Assert.DoesNotContain(await Titles("secretary2", Kind.Unrecorded), t => t.Contains("支委会研究年度计划"));
    }

    [Fact]
    public async Task ThePageAndTheTopBarShowTheSameNumber()
    {
        var c = await app.ClientAsync("office");
        var view = await TodoOf("office");
        var page = Html.Parse(await c.GetStringAsync("/Todo"));
        Assert.Equal(view.Total.ToString(), page.QuerySelector("[data-testid=todo-total]")!.TextContent.Trim());
        var bar = page.QuerySelector("[data-testid=todo-count]")!.TextContent;
        Assert.Contains(view.Total > 0 ? view.Total.ToString() : "待办", bar);
        Assert.Equal(view.Items.Count, page.QuerySelectorAll("[data-testid=todo-item]").Length);
    }
}
