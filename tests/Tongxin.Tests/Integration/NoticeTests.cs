using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Shared;
using ProposalStatus = Tongxin.Web.Features.Proposals.ProposalStatus;

namespace Tongxin.Tests.Integration;

/// <summary>站内通知 (issue 12 point 2): written with the event, in its transaction; read and unread; one's own only.</summary>
[Trait("Category", "Db")]
public class NoticeTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Content = "建议在主要路口增设行人过街信号灯，延长老人和儿童过街时间，保障出行安全。";

    Task<long> PersonOf(string user) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.PersonId!.Value).SingleAsync());

    Task<List<string>> NoticesOf(long person) => app.WithDbAsync(db => db.Notices.Where(n => n.PersonId == person).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());

    [Fact]
    public async Task PlannedMovedAndCancelledMeetings_AndADecidedLeave_ReachThePeopleExpected_AndOnlyThem()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var (member, secretary, other) = (await PersonOf("member1"), await PersonOf("secretary1"), await PersonOf("secretary2"));
        var start = DateTime.UtcNow.AddDays(5);
        var id = (await app.AsAsync<PlanActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(new PlanActivity.Command
        {
            OrgId = b1, Type = ActivityType.BranchMeeting, Topic = "党员大会讨论发展对象", Place = "三楼会议室", StartsAt = start, EndsAt = start.AddHours(2),
        }, s, "secretary1"))).Value;
        Assert.Contains(await NoticesOf(member), t => t.Contains("党员大会讨论发展对象") && t.Contains("三楼会议室"));
        Assert.DoesNotContain(await NoticesOf(secretary), t => t.Contains("党员大会讨论发展对象")); // who planned it is not told
        Assert.DoesNotContain(await NoticesOf(other), t => t.Contains("党员大会讨论发展对象"));

        var leave = (await app.AsAsync<Leave.Handler, Result<long>>("member1", (h, _) => h.RequestAsync(id, member, "外地培训", DateTime.UtcNow))).Value;
        Assert.True((await app.AsAsync<Leave.Handler, Result<long>>("secretary1", (h, s) => h.DecideAsync(leave, false, s, "secretary1"))).Ok);
        Assert.Contains(await NoticesOf(member), t => t == "您对“党员大会讨论发展对象”的请假未获批准");

        Assert.True((await app.AsAsync<CancelActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(id, "与市委会议冲突", s, DateTime.UtcNow))).Ok);
        Assert.Contains(await NoticesOf(member), t => t.StartsWith("活动已取消：“党员大会讨论发展对象”"));
    }

    [Fact]
    public async Task SomeoneAddedToAMovedMeeting_IsAskedToAttend_AndTheOthersAreToldOfTheMove()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var (member, secretary) = (await PersonOf("member1"), await PersonOf("secretary1"));
        var start = DateTime.UtcNow.AddDays(6);
        var id = (await app.AsAsync<PlanActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(new PlanActivity.Command
        {
            OrgId = b1, Type = ActivityType.BranchMeeting, Topic = "党员大会评议入党积极分子", Place = "一楼会议室", StartsAt = start, EndsAt = start.AddHours(1),
            AttendeeIds = [secretary],
        }, s, "secretary1"))).Value;
        Assert.DoesNotContain(await NoticesOf(member), t => t.Contains("党员大会评议入党积极分子"));
        var changed = await app.AsAsync<ChangeActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(new ChangeActivity.Command
        {
            ActivityId = id, Topic = "党员大会评议入党积极分子", Place = "二楼会议室", StartsAt = start.AddDays(1), EndsAt = start.AddDays(1).AddHours(1),
            AttendeeIds = [secretary, member],
        }, s, DateTime.UtcNow));
        Assert.True(changed.Ok, changed.Error?.Message);
        Assert.Single(await NoticesOf(member), t => t.StartsWith("请参加“党员大会评议入党积极分子”") && t.Contains("二楼会议室"));
    }

    [Fact]
    public async Task TwoLeaveDecisionsAtOnce_OneLands_AndTheMemberIsToldOnce()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var member = await PersonOf("member1");
        var start = DateTime.UtcNow.AddDays(8);
        var id = (await app.AsAsync<PlanActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(new PlanActivity.Command
        {
            OrgId = b1, Type = ActivityType.BranchMeeting, Topic = "党员大会通报季度工作", Place = "三楼会议室", StartsAt = start, EndsAt = start.AddHours(1),
        }, s, "secretary1"))).Value;
        var leave = (await app.AsAsync<Leave.Handler, Result<long>>("member1", (h, _) => h.RequestAsync(id, member, "参加培训", DateTime.UtcNow))).Value;
        // A double click by the secretary and a refusal by the party administrator, all at the same moment.
        var decisions = await Task.WhenAll(
            Task.Run(() => app.AsAsync<Leave.Handler, Result<long>>("secretary1", (h, s) => h.DecideAsync(leave, true, s, "secretary1"))),
            Task.Run(() => app.AsAsync<Leave.Handler, Result<long>>("secretary1", (h, s) => h.DecideAsync(leave, true, s, "secretary1"))),
            Task.Run(() => app.AsAsync<Leave.Handler, Result<long>>("partyadmin", (h, s) => h.DecideAsync(leave, false, s, "partyadmin"))));
        Assert.Single(decisions, d => d.Ok);
        var told = (await NoticesOf(member)).Where(t => t.Contains("党员大会通报季度工作") && t.Contains("请假")).ToList();
        var stored = await app.WithDbAsync(db => db.Attendees.Where(a => a.Id == leave).Select(a => a.Leave).SingleAsync());
        Assert.Equal([$"您对“党员大会通报季度工作”的请假{(stored == LeaveStatus.Granted ? "已批准" : "未获批准")}"], told);
    }

    [Fact]
    public async Task AnInstructionRecordedTwice_TellsTheAuthorOnce()
    {
        var author = await PersonOf("weiyuan1");
        var written = await app.AsAsync<Tongxin.Web.Features.Opinions.WriteOpinion.Handler, Result<long>>("weiyuan1",
            (h, s) => h.Handle(null, "关于规范校外培训收费的建议", "近期多家校外培训机构预收费用后停业，家长维权困难，建议建立预收费资金监管制度，保障学生和家长的合法权益。", true, s, DateTime.UtcNow));
        Assert.True(written.Ok, written.Error?.Message);
        var id = written.Value;
        var adopted = await app.AsAsync<Tongxin.Web.Features.Opinions.HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.DecideAsync(id, true, null, s, "office", DateTime.UtcNow));
        Assert.True(adopted.Ok, adopted.Error?.Message);
        var twice = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => app.AsAsync<Tongxin.Web.Features.Opinions.HandleOpinion.Handler, Result<bool>>("office",
            (h, s) => h.InstructAsync(id, "请市教育局牵头研究", "王副市长", Clock.Today, s)))));
        Assert.Contains(twice, r => r.Ok);
        Assert.Single(await NoticesOf(author), t => t.Contains("关于规范校外培训收费的建议") && t.Contains("批示"));
        // The same form sent again later changes nothing and tells nobody.
        Assert.True((await app.AsAsync<Tongxin.Web.Features.Opinions.HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.InstructAsync(id, "请市教育局牵头研究", "王副市长", Clock.Today, s))).Ok);
        Assert.Single(await NoticesOf(author), t => t.Contains("关于规范校外培训收费的建议") && t.Contains("批示"));
    }

    [Fact]
    public async Task ARegisteredProposalTellsItsProposers_OnceEvenWhenTwoReviewsRace()
    {
        var (lead, cosigner) = (await PersonOf("weiyuan1"), await PersonOf("weiyuan2"));
        var id = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, new("关于增设行人过街信号灯的建议", Content, [cosigner]), true, s, DateTime.UtcNow))).Value;
        // Two office users register at once: one review wins; its notice is written with it, the loser's rolls back.
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office",
            (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow)))));
        Assert.Single(both, r => r.Ok);
        var number = await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Number).SingleAsync());
        Assert.Single(await NoticesOf(lead), t => t == $"您的提案“关于增设行人过街信号灯的建议”已立案，案号{number}");
        Assert.DoesNotContain(await NoticesOf(cosigner), t => t.Contains("关于增设行人过街信号灯的建议")); // never confirmed: not a proposer
    }

    [Fact]
    public async Task OpeningANoticeMarksItRead_AndNobodyElseCanOpenIt()
    {
        var member = await PersonOf("member1");
        var noticeId = await app.WithDbAsync(async db =>
        {
            var tenant = await db.People.Where(p => p.Id == member).Select(p => p.TenantId).SingleAsync();
            var n = db.Notices.Add(new Tongxin.Web.Features.Notices.Notice { TenantId = tenant, PersonId = member, Text = "测试通知", Url = "/OrgLife/Mine", CreatedAt = DateTime.UtcNow }).Entity;
            await db.SaveChangesAsync();
            return n.Id;
        });
        var c = await app.ClientAsync("member1");
        var page = Html.Parse(await c.GetStringAsync("/Notices"));
        Assert.Contains(page.QuerySelectorAll("[data-testid=notice][data-unread=true]"), b => b.TextContent.Contains("测试通知"));
        Assert.NotEqual("0", Html.Parse(await c.GetStringAsync("/Notices")).QuerySelector("[data-testid=notices-unread]")!.TextContent.Trim());

        var stranger = await app.ClientAsync("secretary2");
        var refused = await Html.PostFormAsync(stranger, "/Notices", $"/Notices?handler=Read&id={noticeId}", new());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).Select(n => n.ReadAt).SingleAsync()));

        var opened = await Html.PostFormAsync(c, "/Notices", $"/Notices?handler=Read&id={noticeId}", new());
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/OrgLife/Mine", opened.Headers.Location!.OriginalString);
        Assert.NotNull(await app.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).Select(n => n.ReadAt).SingleAsync()));
    }
}
