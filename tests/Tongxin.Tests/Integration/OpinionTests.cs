using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class OpinionTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Text = "近期部分老旧小区加装电梯推进缓慢，主要原因是低层住户意见不一、资金分摊办法不明确。建议出台统一的费用分摊指导标准，并由街道牵头协调。";


    [Fact]
    public async Task SubmitEditAdoptForwardInstruct_WithPointsAndCounts()
    {
        Assert.Equal("只有政协委员可以报送社情民意", (await app.AsAsync<WriteOpinion.Handler, Result<long>>("member1", (h, s) => h.Handle(null, "关于老旧小区加装电梯的建议", Text, true, s, DateTime.UtcNow))).Error!.Message);
        var draft = (await app.AsAsync<WriteOpinion.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, "关于老旧小区加装电梯的建议", "未完成", false, s, DateTime.UtcNow))).Value;
        var stats = await app.AsAsync<GetOpinionStats.Handler, GetOpinionStats.View>("office", (h, _) => h.Handle(1, Clock.Today.Year));
        Assert.Equal(0, stats.All.Submitted); // a draft is the member's own
        Assert.Equal("请写明情况、问题和建议（不少于50字）", (await app.AsAsync<WriteOpinion.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(draft, "关于老旧小区加装电梯的建议", "太短", true, s, DateTime.UtcNow))).Error!.Message);
        Assert.True((await app.AsAsync<WriteOpinion.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(draft, "关于老旧小区加装电梯的建议", Text, true, s, DateTime.UtcNow))).Ok);

        Assert.Equal(ErrorKind.NotFound, (await app.AsAsync<HandleOpinion.Handler, Result<bool>>("weiyuan1", (h, s) => h.DecideAsync(draft, true, null, s, "weiyuan1", DateTime.UtcNow))).Error!.Kind);
        Assert.Equal("只有已采用的社情民意可以报送", (await app.AsAsync<HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.ForwardAsync(draft, ForwardLevel.City, s))).Error!.Message);
        Assert.True((await app.AsAsync<HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.EditAsync(draft, "老旧小区加装电梯推进缓慢的问题亟待解决", Text, s, "office", DateTime.UtcNow))).Ok);
        Assert.True((await app.AsAsync<HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.DecideAsync(draft, true, null, s, "office", DateTime.UtcNow))).Ok);
        Assert.True((await app.AsAsync<HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.ForwardAsync(draft, ForwardLevel.Province, s))).Ok);
        Assert.Equal("请填写批示内容和批示领导", (await app.AsAsync<HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.InstructAsync(draft, "请住建局研究", null, null, s))).Error!.Message);
        Assert.True((await app.AsAsync<HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.InstructAsync(draft, "请市住建局牵头研究，拿出意见。", "市长", null, s))).Ok);

        var author = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "weiyuan1").Select(u => u.PersonId!.Value).SingleAsync());
        var entry = await app.WithDbAsync(db => db.PointEntries.SingleAsync(e => e.SourceKey == $"opinion-adopted:{draft}:{author}"));
        Assert.Equal((3, Tongxin.Web.Features.Points.PointCategory.Duty), (entry.Points, entry.Category));
        var saved = await app.WithDbAsync(db => db.OpinionReports.SingleAsync(o => o.Id == draft));
        Assert.Equal(("老旧小区加装电梯推进缓慢的问题亟待解决", "office", ForwardLevel.Province, "市长"), (saved.Title, saved.EditedBy, saved.ForwardedTo, saved.InstructedBy));

        // A second report from another member, not adopted; and a proposal turned into a report.
        var other = (await app.AsAsync<WriteOpinion.Handler, Result<long>>("weiyuan2", (h, s) => h.Handle(null, "关于规范共享单车停放的建议", Text, true, s, DateTime.UtcNow))).Value;
        Assert.Equal("不采用须说明理由", (await app.AsAsync<HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.DecideAsync(other, false, null, s, "office", DateTime.UtcNow))).Error!.Message);
        Assert.True((await app.AsAsync<HandleOpinion.Handler, Result<bool>>("office", (h, s) => h.DecideAsync(other, false, "已有相关部门专项整治", s, "office", DateTime.UtcNow))).Ok);
        var proposal = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, new("关于小区充电桩建设的建议", Text, []), true, s, DateTime.UtcNow))).Value;
        Assert.True((await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office", (h, s) => h.Handle(proposal, ProposalAction.Convert, "内容更适合以社情民意反映", null, s, "office", DateTime.UtcNow))).Ok);
        var converted = await app.WithDbAsync(db => db.OpinionReports.SingleAsync(o => o.SourceProposalId == proposal));
        Assert.Equal((OpinionStatus.Submitted, author, "关于小区充电桩建设的建议"), (converted.Status, converted.AuthorPersonId, converted.Title));

        stats = await app.AsAsync<GetOpinionStats.Handler, GetOpinionStats.View>("office", (h, _) => h.Handle(1, Clock.Today.Year));
        Assert.Equal((3, 1, 1, 1), (stats.All.Submitted, stats.All.Adopted, stats.All.Forwarded, stats.All.Instructed));
        Assert.Equal((2, 1), stats.Members.Where(m => m.PersonId == author).Select(m => (m.Counts.Submitted, m.Counts.Adopted)).Single());
        Assert.Equal((3, 1), stats.Sectors.Where(s => s.Sector == "经济界").Select(s => (s.Counts.Submitted, s.Counts.Adopted)).Single());

        // The office's ledger: one row per submitted report, with what became of it.
        var sheet = XlsxBuilder.Read(new MemoryStream(await (await app.ClientAsync("office")).GetByteArrayAsync($"/Opinions?handler=Xlsx&year={Clock.Today.Year}")));
        Assert.Equal(1 + 3, sheet.Count);
        var adopted = sheet.Single(r => r[0] == "老旧小区加装电梯推进缓慢的问题亟待解决");
        Assert.Equal(["经济界", "已采用", "报送省政协", "市长", "请市住建局牵头研究，拿出意见。"], new[] { adopted[2], adopted[4], adopted[7], adopted[9], adopted[11] });
        Assert.Equal("已有相关部门专项整治", sheet.Single(r => r[0] == "关于规范共享单车停放的建议")[6]);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await app.ClientAsync("weiyuan2")).GetAsync($"/Opinions?handler=Xlsx&year={Clock.Today.Year}")).StatusCode);
    }
}
