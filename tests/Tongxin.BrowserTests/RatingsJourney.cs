using Microsoft.Playwright;

namespace Tongxin.BrowserTests;

[Collection("browser")]
public class RatingsJourney(BrowserFixture f)
{
    static readonly int Year = Tongxin.Web.Shared.Clock.Today.Year;

    [Fact]
    public async Task ABranchSelfAssessesForStars_AndThePartyCommitteeReviewsIt()
    {
        var orgId = await f.App.OrgIdAsync("第一党支部");
        var secretary = await f.NewPageAsync("secretary1");
        await secretary.GotoAsync($"/Stars?year={Year}");
        await secretary.GetByTestId("star-rows").GetByRole(AriaRole.Link, new() { Name = "第一党支部" }).ClickAsync();
        var checklist = secretary.GetByTestId("checklist");
        await Assertions.Expect(checklist.Locator("tr[data-item=orglife-held]")).ToContainTextAsync("按记录计算：应按期开展");
        foreach (var row in await checklist.Locator("tr[data-item]").AllAsync())
        {
            var score = row.Locator("input[type=number]");
            if (await score.CountAsync() == 0) continue; // computed from records
            await score.FillAsync(await score.GetAttributeAsync("max") ?? "0");
        }
        await secretary.GetByRole(AriaRole.Button, new() { Name = "提交自评" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("form-errors")).ToContainTextAsync("提交前请为每个得分项填写依据");
        await Assertions.Expect(checklist.Locator("tr[data-item=team-leaders] input[type=number]")).ToHaveValueAsync("10"); // nothing typed is lost
        await BrowserFixture.ShotAsync(secretary, "36a-stars-form-error");
        foreach (var evidence in await checklist.GetByLabel("依据").AllAsync()) await evidence.FillAsync("支部工作台账第3册");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "提交自评" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("rating-status")).ToContainTextAsync("已提交自评，待评定");
        await BrowserFixture.ShotAsync(secretary, "36-stars-self-assessed");
        await secretary.Context.CloseAsync();

        var admin = await f.NewPageAsync("partyadmin");
        await admin.GotoAsync($"/Stars/Branch?orgId={orgId}&year={Year}");
        var work = admin.GetByTestId("checklist").Locator("tr[data-item=work-integration]");
        await work.GetByLabel("评定得分").FillAsync("12");
        await admin.GetByRole(AriaRole.Button, new() { Name = "评定", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("form-errors")).ToContainTextAsync("调整自评分的项目请说明理由");
        await admin.GetByTestId("checklist").Locator("tr[data-item=work-integration]").GetByLabel("调整理由").FillAsync("业务融合成效材料不足");
        await admin.GetByRole(AriaRole.Button, new() { Name = "评定", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("rating-status")).ToContainTextAsync("已评定");
        await Assertions.Expect(admin.GetByTestId("checklist").Locator("tr[data-item=work-integration] [data-testid=review-score]")).ToHaveTextAsync("12");
        await Assertions.Expect(admin.GetByTestId("history").Locator($"tr[data-year='{Year}']")).ToContainTextAsync("星");
        await BrowserFixture.ShotAsync(admin, "37-stars-reviewed");
        await admin.GotoAsync($"/Stars?year={Year}");
        await Assertions.Expect(admin.GetByTestId("star-rows").Locator($"tr[data-org='{orgId}']")).ToContainTextAsync("已评定");
        await BrowserFixture.ShotAsync(admin, "38-stars-overview");
        await admin.GetByRole(AriaRole.Link, new() { Name = "评分细则", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("fixed")).ToContainTextAsync("本年度已有支部提交自评");
        await Assertions.Expect(admin.GetByTestId("max-total")).ToHaveTextAsync("100");
        await BrowserFixture.ShotAsync(admin, "38a-stars-checklist");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task AMemberSelfAssessesAndVotes_TheBranchDecides_AndTheMemberSeesTheResult()
    {
        var secretary = await f.NewPageAsync("secretary1");
        await secretary.GotoAsync($"/Appraisal?year={Year}");
        await secretary.GetByTestId("rounds").Locator("tr", new() { HasText = "第一党支部" }).GetByRole(AriaRole.Button, new() { Name = "开始民主评议" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("round-status")).ToContainTextAsync("参评正式党员 8 人，优秀最多 2 人");
        var roundUrl = secretary.Url;

        var member = await f.NewPageAsync("member1", phone: true);
        await member.GotoAsync("/Appraisal/Mine");
        await member.GetByLabel("自我评价").FillAsync("一年来坚持学习党的理论，按时参加三会一课，完成办公室文稿和会务工作。");
        await member.GetByRole(AriaRole.Button, new() { Name = "保存自我评价" }).ClickAsync();
        var ballot = member.GetByTestId("ballot");
        foreach (var row in await ballot.Locator("tr[data-person]").AllAsync()) await row.GetByLabel("合格", new() { Exact = true }).CheckAsync();
        var first = ballot.Locator("tr[data-person]").First;
        var favourite = (await first.Locator("td").First.InnerTextAsync()).Trim();
        await first.GetByLabel("优秀", new() { Exact = true }).CheckAsync();
        await BrowserFixture.ShotAsync(member, "39-appraisal-ballot");
        await member.GetByRole(AriaRole.Button, new() { Name = "提交投票" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("voted")).ToContainTextAsync("您已投票");

        await secretary.GotoAsync(roundUrl);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "结束互评投票" }).ClickAsync();
        var decisions = secretary.GetByTestId("decisions");
        await Assertions.Expect(decisions.Locator("tr", new() { HasText = favourite }).Locator("[data-grade=Excellent]")).ToHaveTextAsync("1");
        await Assertions.Expect(decisions.Locator("tr", new() { HasText = "刘伟" })).ToContainTextAsync("一年来坚持学习党的理论");
        var selects = await decisions.GetByLabel("评定等次").AllAsync();
        for (var i = 0; i < selects.Count; i++) await selects[i].SelectOptionAsync(i < 3 ? "Excellent" : "Qualified");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "保存评定" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("form-errors")).ToContainTextAsync("评为优秀的人数不能超过参评正式党员的三分之一");
        await BrowserFixture.ShotAsync(secretary, "40-appraisal-third-refused");
        await decisions.Locator("tr", new() { HasText = "刘伟" }).GetByLabel("评定等次").SelectOptionAsync("Excellent");
        var others = await decisions.Locator("tr[data-person]", new() { HasNotText = "刘伟" }).GetByLabel("评定等次").AllAsync();
        foreach (var s in others) await s.SelectOptionAsync("Qualified");
        // The secretary does not grade themself: their own row is left to someone else with the permission.
        await Assertions.Expect(decisions.Locator("tr[data-own=yes]").GetByTestId("own-grade")).ToBeVisibleAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "确定评议结果" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("form-errors")).ToContainTextAsync("请为每名正式党员评定等次");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "保存评定" }).ClickAsync();
        var ownRow = await decisions.Locator("tr[data-own=yes]").GetAttributeAsync("data-person");
        await secretary.Context.CloseAsync();

        var party = await f.NewPageAsync("partyadmin");
        await party.GotoAsync(roundUrl);
        var partyDecisions = party.GetByTestId("decisions");
        await Assertions.Expect(partyDecisions.Locator("tr", new() { HasText = "刘伟" }).GetByLabel("评定等次")).ToHaveValueAsync("Excellent");
        await partyDecisions.Locator($"tr[data-person='{ownRow}']").GetByLabel("评定等次").SelectOptionAsync("Qualified");
        await party.GetByRole(AriaRole.Button, new() { Name = "确定评议结果" }).ClickAsync();
        await Assertions.Expect(party.GetByTestId("round-status")).ToContainTextAsync("结果已确定");
        await Assertions.Expect(partyDecisions.Locator("tr", new() { HasText = "刘伟" }).GetByTestId("grade")).ToHaveTextAsync("优秀");
        await BrowserFixture.ShotAsync(party, "41-appraisal-final");
        await party.Context.CloseAsync();

        await member.GotoAsync("/Appraisal/Mine");
        await Assertions.Expect(member.GetByTestId("my-result")).ToContainTextAsync("优秀");
        await BrowserFixture.ShotAsync(member, "42-appraisal-member-result");
        await member.Context.CloseAsync();
    }

    [Fact]
    public async Task TheBranchEntersPaperBallots_AsCountsWithTheirVoters()
    {
        var secretary = await f.NewPageAsync("secretary2");
        await secretary.GotoAsync($"/Appraisal?year={Year}");
        await secretary.GetByTestId("rounds").Locator("tr", new() { HasText = "第二党支部" }).GetByRole(AriaRole.Button, new() { Name = "开始民主评议" }).ClickAsync();
        var paper = secretary.GetByTestId("paper-form");
        await paper.Locator("summary").ClickAsync();
        var voters = paper.Locator("input[name=PaperVoters]");
        await voters.Nth(0).CheckAsync();
        await voters.Nth(1).CheckAsync();
        var rows = paper.Locator("tbody tr[data-person]");
        var voterIds = new[] { await voters.Nth(0).GetAttributeAsync("value"), await voters.Nth(1).GetAttributeAsync("value") };
        var subject = rows.Filter(new() { HasNot = secretary.Locator($"input[type=hidden][value='{voterIds[0]}'], input[type=hidden][value='{voterIds[1]}']") }).First;
        var name = (await subject.Locator("td").First.InnerTextAsync()).Trim();
        await subject.GetByLabel($"{name} 优秀").FillAsync("3"); // only two sheets came back
        await secretary.GetByRole(AriaRole.Button, new() { Name = "保存纸质票" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("form-errors")).ToContainTextAsync($"“{name}”的各等次票数合计超过了可对其评价的纸质票数（2 张）");
        await Assertions.Expect(secretary.GetByTestId("paper-form").Locator("input[name=PaperVoters]:checked")).ToHaveCountAsync(2); // kept
        await secretary.GetByTestId("paper-form").Locator("tbody tr[data-person]", new() { HasText = name }).GetByLabel($"{name} 优秀").FillAsync("2");
        await BrowserFixture.ShotAsync(secretary, "42a-appraisal-paper-ballots");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "保存纸质票" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".alert-success")).ToContainTextAsync("已录入 2 张纸质票");
        await Assertions.Expect(secretary.GetByTestId("round-status")).ToContainTextAsync("已投票 2 /");
        // The box stays sealed while voting is open: no tallies until it closes.
        await Assertions.Expect(secretary.GetByTestId("sealed-note")).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByTestId("decisions").Locator("[data-grade]")).ToHaveCountAsync(0);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "结束互评投票" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("decisions").Locator("tr", new() { HasText = name }).Locator("[data-grade=Excellent]")).ToHaveTextAsync("2");
        await BrowserFixture.ShotAsync(secretary, "42b-appraisal-closed-tallies");
        await secretary.Context.CloseAsync();
    }
}
