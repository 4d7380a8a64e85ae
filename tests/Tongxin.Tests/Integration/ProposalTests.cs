using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class ProposalTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateOnly Today = Clock.Today;
    const string Content = "建议在城区新建三所公办幼儿园，缓解入园难问题，并配套专项编制和财政保障。";


    Task<long> PersonOfAsync(string user) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.PersonId!.Value).SingleAsync());

    Task<Result<long>> SubmitAsync(string user, string title, params long[] cosigners) =>
        app.AsAsync<SubmitProposal.Handler, Result<long>>(user, (h, s) => h.Handle(null, new(title, Content, cosigners), true, s, DateTime.UtcNow));

    async Task<long> AssignedAsync(string title)
    {
        var id = (await SubmitAsync("weiyuan1", title)).Value;
        Assert.True((await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office", (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow))).Ok);
        var edu = await app.OrgIdAsync("江州市教育局");
        Assert.True((await app.AsAsync<AssignProposal.Handler, Result<bool>>("office", (h, s) => h.AssignAsync(id, new(edu, [], null, null, false, false), s, Today))).Ok);
        return id;
    }

    [Fact]
    public async Task TheFullPath_WithAHandlingUnitThatSeesOnlyWhatIsAssignedToIt()
    {
        var cosigner = await PersonOfAsync("weiyuan2");
        var lead = await PersonOfAsync("weiyuan1");
        Assert.Equal("只有政协委员可以提出提案", (await SubmitAsync("member1", "关于加强机关食堂管理的建议")).Error!.Message);
        var id = (await SubmitAsync("weiyuan1", "关于增加城区公办幼儿园学位的建议", cosigner)).Value;
        var other = (await SubmitAsync("weiyuan2", "关于完善社区医疗服务的建议")).Value;

        // A co-signer who has not confirmed is not a proposer.
        var view = (await app.AsAsync<GetProposal.Handler, GetProposal.View?>("office", (h, s) => h.Handle(id, s, Today)))!;
        Assert.Equal([lead], view.Proposers.Select(p => p.PersonId));
        Assert.True((await app.AsAsync<GetProposal.Handler, GetProposal.View?>("weiyuan2", (h, s) => h.Handle(id, s, Today)))!.AwaitsMyConfirmation);
        Assert.True((await app.AsAsync<ConfirmCosign.Handler, Result<bool>>("weiyuan2", (h, s) => h.Handle(id, true, s, DateTime.UtcNow))).Ok);
        view = (await app.AsAsync<GetProposal.Handler, GetProposal.View?>("office", (h, s) => h.Handle(id, s, Today)))!;
        Assert.Equal([lead, cosigner], view.Proposers.Select(p => p.PersonId));

        // Review: 立案 gives a number and 履责 points to the party members among the proposers.
        Assert.Equal(ErrorKind.NotFound, (await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("weiyuan1", (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "weiyuan1", DateTime.UtcNow))).Error!.Kind);
        Assert.Equal("只有已立案的提案可以交办", (await app.AsAsync<AssignProposal.Handler, Result<bool>>("office", (h, s) => h.AssignAsync(id, new(1, [], null, null, false, false), s, Today))).Error!.Message);
        Assert.Equal(ProposalStatus.Registered, (await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office", (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow))).Value);
        var entries = await app.WithDbAsync(db => db.PointEntries.Where(e => e.SourceKey.StartsWith($"proposal-registered:{id}:")).ToListAsync());
        Assert.Equal([lead, cosigner], entries.Select(e => e.PersonId).Order());
        Assert.All(entries, e => Assert.Equal((3, Tongxin.Web.Features.Points.PointCategory.Duty), (e.Points, e.Category)));

        var edu = await app.OrgIdAsync("江州市教育局");
        var health = await app.OrgIdAsync("江州市卫生健康委员会");
        Assert.Equal("办理期限须在交办后6个月以内", (await app.AsAsync<AssignProposal.Handler, Result<bool>>("office", (h, s) => h.AssignAsync(id, new(edu, [health], Today.AddMonths(7), null, true, false), s, Today))).Error!.Message);
        Assert.True((await app.AsAsync<AssignProposal.Handler, Result<bool>>("office", (h, s) => h.AssignAsync(id, new(edu, [health], null, "市政协副主席", true, false), s, Today))).Ok);
        var saved = await app.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id));
        Assert.Equal((Today.AddMonths(3), "市政协副主席", true), (saved.Deadline, saved.Overseer, saved.IsKey));
        Assert.Matches(@"^\d{4}-\d{4}$", saved.Number);

        // The unit user sees this proposal and nothing else: not the other proposal, not people.
        var unitList = await app.AsAsync<ListProposals.Handler, List<ListProposals.Row>>("unit1", (h, s) => h.Handle(ListProposals.Which.Unit, s, Today.Year, Today));
        Assert.Equal([id], unitList.Select(r => r.Id));
        Assert.Null(await app.AsAsync<GetProposal.Handler, GetProposal.View?>("unit1", (h, s) => h.Handle(other, s, Today)));
        var unitClient = await app.ClientAsync("unit1");
        Assert.Equal(HttpStatusCode.Forbidden, (await unitClient.GetAsync("/People")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unitClient.GetAsync($"/api/people?page=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unitClient.GetAsync($"/Proposals/Details/{other}")).StatusCode);

        // Reply, rate 不满意, send back once, reply again, rate, close.
        Assert.Equal("请选择办理结果类别（A、B、C、D）", (await app.AsAsync<AnswerProposal.Handler, Result<bool>>("unit1", (h, s) => h.ReplyAsync(id, null, "x", s, "unit1", Today))).Error!.Message);
        const string reply = "我局已将新建幼儿园纳入2027年教育设施建设计划，三所幼儿园选址已完成。";
        Assert.True((await app.AsAsync<AnswerProposal.Handler, Result<bool>>("unit1", (h, s) => h.ReplyAsync(id, OutcomeClass.B, reply, s, "unit1", Today))).Ok);
        Assert.Equal(ErrorKind.NotFound, (await app.AsAsync<AnswerProposal.Handler, Result<bool>>("weiyuan2", (h, s) => h.RateAsync(id, Satisfaction.Satisfied, Satisfaction.Satisfied, null, s, DateTime.UtcNow))).Error!.Kind);
        Assert.Equal("评价为不满意的，请写明原因", (await app.AsAsync<AnswerProposal.Handler, Result<bool>>("weiyuan1", (h, s) => h.RateAsync(id, Satisfaction.Satisfied, Satisfaction.Dissatisfied, null, s, DateTime.UtcNow))).Error!.Message);
        Assert.True((await app.AsAsync<AnswerProposal.Handler, Result<bool>>("weiyuan1", (h, s) => h.RateAsync(id, Satisfaction.BasicallySatisfied, Satisfaction.Dissatisfied, "未明确开工时间", s, DateTime.UtcNow))).Ok);
        Assert.True((await app.AsAsync<AnswerProposal.Handler, Result<bool>>("weiyuan1", (h, s) => h.SendBackAsync(id, s, Today))).Ok);
        saved = await app.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id));
        Assert.Equal((ProposalStatus.Assigned, true, Today.AddMonths(1)), (saved.Status, saved.SentBack, saved.Deadline));
        Assert.True((await app.AsAsync<AnswerProposal.Handler, Result<bool>>("unit1", (h, s) => h.ReplyAsync(id, OutcomeClass.A, reply + "已于11月开工。", s, "unit1", Today))).Ok);
        Assert.True((await app.AsAsync<AnswerProposal.Handler, Result<bool>>("weiyuan1", (h, s) => h.RateAsync(id, Satisfaction.Satisfied, Satisfaction.Dissatisfied, "仍不满意", s, DateTime.UtcNow))).Ok);
        Assert.Equal("提案只能退回重新办理一次", (await app.AsAsync<AnswerProposal.Handler, Result<bool>>("weiyuan1", (h, s) => h.SendBackAsync(id, s, Today))).Error!.Message);
        Assert.True((await app.AsAsync<AssignProposal.Handler, Result<bool>>("office", (h, s) => h.CloseAsync(id, s, DateTime.UtcNow))).Ok);

        // The rates count it: registered, answered on time, implemented (A), not satisfied.
        var rates = await app.AsAsync<GetProposalRates.Handler, GetProposalRates.View>("office", (h, s) => h.Handle(1, Today.Year, Today));
        var unit = rates.Units.Single(u => u.OrgId == edu).Counts;
        Assert.Equal((1, 1, 1, 1, 0), (unit.Registered, unit.OnTime, unit.Implemented, unit.Rated, unit.Satisfied));
        Assert.Equal(0, unit.SatisfactionRate);
        Assert.Equal(1, unit.ImplementationRate);

        // The office's ledger has it on one row, as the records say; a unit's user cannot download it.
        var sheet = XlsxBuilder.Read(new MemoryStream(await (await app.ClientAsync("office")).GetByteArrayAsync($"/Proposals/Rates?handler=Xlsx&year={Today.Year}")));
        var names = await app.WithDbAsync(db => db.People.Where(p => p.Id == lead || p.Id == cosigner).ToDictionaryAsync(p => p.Id, p => p.Name));
        var row = sheet.Single(r => r[0] == saved.Number);
        Assert.Equal(["关于增加城区公办幼儿园学位的建议", names[lead], names[cosigner], "已办结", "江州市教育局", "江州市卫生健康委员会"], new[] { row[1], row[2], row[3], row[5], row[6], row[7] });
        Assert.Equal(["A类（已解决或基本解决）", "满意", "不满意", "是", "市政协副主席"], new[] { row[11], row[12], row[13], row[14], row[16] });
        Assert.Contains(sheet, r => r[1] == "关于完善社区医疗服务的建议" && r[0] == "" && r[5] == "待审查");
        Assert.Equal(HttpStatusCode.Forbidden, (await unitClient.GetAsync($"/Proposals/Rates?handler=Xlsx&year={Today.Year}")).StatusCode);
    }

    [Fact]
    public async Task RefusingNeedsAReason_MergingNeedsATarget_AndExtensionsHappenOnce()
    {
        var a = (await SubmitAsync("weiyuan1", "关于规范校外培训机构的建议")).Value;
        Task<Result<ProposalStatus>> Review(long id, ProposalAction action, string? note, long? into = null) =>
            app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office", (h, s) => h.Handle(id, action, note, into, s, "office", DateTime.UtcNow));
        Assert.Equal("不立案、并案或转社情民意须说明理由", (await Review(a, ProposalAction.Refuse, null)).Error!.Message);
        Assert.Equal("请选择并入的提案（已提交、已立案或办理中）", (await Review(a, ProposalAction.Merge, "内容相近", a)).Error!.Message);
        var b = await AssignedAsync("关于加强校外培训监管的建议");
        Assert.Equal(ProposalStatus.Merged, (await Review(a, ProposalAction.Merge, "与另一提案内容相近，并案办理", b)).Value);
        Assert.Equal("只有已提交、待审查的提案可以审查", (await Review(a, ProposalAction.Register, null)).Error!.Message);

        Task<Result<bool>> Extend(DateOnly to, string? why) =>
            app.AsAsync<AssignProposal.Handler, Result<bool>>("office", (h, s) => h.ExtendAsync(b, to, why, s));
        Assert.Equal("延期须说明理由", (await Extend(Today.AddMonths(5), null)).Error!.Message);
        Assert.True((await Extend(Today.AddMonths(5), "涉及多部门协调")).Ok);
        Assert.Equal("办理期限只能延长一次", (await Extend(Today.AddMonths(6), "再次延期")).Error!.Message);
        Assert.Equal("只有已评价的提案可以办结", (await app.AsAsync<AssignProposal.Handler, Result<bool>>("office", (h, s) => h.CloseAsync(b, s, DateTime.UtcNow))).Error!.Message);
        // A co-unit cannot answer for the lead unit.
        Assert.Equal(ErrorKind.NotFound, (await app.AsAsync<AnswerProposal.Handler, Result<bool>>("unit1", (h, s) => h.ReplyAsync(a, OutcomeClass.A, "x", s, "unit1", Today))).Error!.Kind);
    }

    [Fact]
    public async Task TheOfficeFlagsAProposalExcellentAfterItsHandling_AndTheMembersScoreFollows()
    {
        var me = await PersonOfAsync("weiyuan1");
        async Task<int> ExcellentAsync() => (await app.AsAsync<Tongxin.Web.Features.Duty.GetDutyFile.Handler, Tongxin.Web.Features.Duty.GetDutyFile.View>("office",
            (h, _) => h.Handle(1, Today.Year, me))).Files.Single().Facts[Tongxin.Web.Features.Duty.DutyFact.ExcellentProposal];
        var submitted = (await SubmitAsync("weiyuan1", "关于推广垃圾分类积分制的建议")).Value;
        Task<Result<bool>> Flag(string user, long id, bool excellent) =>
            app.AsAsync<AssignProposal.Handler, Result<bool>>(user, (h, s) => h.FlagAsync(id, false, excellent, "市政协主席", s));
        Assert.Equal("只有已立案的提案可以标记重点或优秀", (await Flag("office", submitted, true)).Error!.Message);

        var id = await AssignedAsync("关于完善垃圾分类收运体系的建议");
        var before = await ExcellentAsync();
        Assert.Equal(ErrorKind.NotFound, (await Flag("weiyuan1", id, true)).Error!.Kind);
        Assert.True((await Flag("office", id, true)).Ok);
        Assert.Equal(before + 1, await ExcellentAsync());
        var saved = await app.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id));
        Assert.Equal((true, "市政协主席", ProposalStatus.Assigned), (saved.IsExcellent, saved.Overseer, saved.Status));
        Assert.True((await Flag("office", id, false)).Ok);
        Assert.Equal(before, await ExcellentAsync());
    }

    [Fact]
    public async Task AnOverdueProposal_AlertsItsLeadUnitAndTheOffice_UntilItIsAnswered()
    {
        var id = await AssignedAsync("关于增设学校周边交通安全设施的建议");
        Task<int> RunAsync(DateOnly day) => app.AsAsync<RaiseOverdueAlerts.Handler, int>("office", (h, _) => h.RunAsync(day));
        // Other tests of this class may leave proposals assigned today too: count this proposal's alerts.
        Task<List<Tongxin.Web.Features.OrgLife.Alert>> MineAsync() =>
            app.WithDbAsync(db => db.Alerts.Where(a => a.Kind == RaiseOverdueAlerts.Kind && a.Key.StartsWith($"{RaiseOverdueAlerts.Kind}:{id}:")).ToListAsync());
        await RunAsync(Today.AddMonths(3));
        Assert.Empty(await MineAsync());
        Assert.True(await RunAsync(Today.AddMonths(3).AddDays(1)) >= 2);
        Assert.Equal(0, await RunAsync(Today.AddMonths(3).AddDays(2))); // raised once
        var alerts = await MineAsync();
        var edu = await app.OrgIdAsync("江州市教育局");
        Assert.Equal([1L, edu], alerts.Select(a => a.OrgId).Order());
        Assert.Contains("已超过办理期限", await (await app.ClientAsync("unit1")).GetStringAsync("/Proposals"));
        Assert.Contains("已超过办理期限", await (await app.ClientAsync("office")).GetStringAsync("/Proposals"));
        Assert.DoesNotContain("已超过办理期限", await (await app.ClientAsync("weiyuan2")).GetStringAsync("/Proposals"));

        Assert.True((await app.AsAsync<AnswerProposal.Handler, Result<bool>>("unit1", (h, s) => h.ReplyAsync(id, OutcomeClass.B, "已会同公安交警部门在学校周边增设减速带和护栏，正在施工。", s, "unit1", Today))).Ok);
        await RunAsync(Today.AddMonths(3).AddDays(3));
        Assert.All(await MineAsync(), a => Assert.NotNull(a.ClosedAt));
    }
}
