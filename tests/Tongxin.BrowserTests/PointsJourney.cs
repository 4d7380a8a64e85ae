using Microsoft.Playwright;

namespace Tongxin.BrowserTests;

[Collection("browser")]
public class PointsJourney(BrowserFixture f)
{
    [Fact]
    public async Task ASecretaryProposesAnAward_TheyCannotApproveIt_ThePartyAdministratorDoes_AndTheMemberSeesIt()
    {
        var secretary = await f.NewPageAsync("secretary1");
        await secretary.GotoAsync("/Points/Awards");
        await secretary.GetByLabel("党员").SelectOptionAsync(new SelectOptionValue { Label = "刘伟（第一党支部）" });
        await secretary.GetByLabel("规则项").SelectOptionAsync("award");
        await secretary.GetByLabel("事由").FillAsync("获评市直机关优秀共产党员");
        await secretary.GetByLabel("依据（文件、材料）").FillAsync("市直机关工委文件〔2026〕8号");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        var mine = secretary.GetByTestId("pending").Locator("li", new() { HasText = "获评市直机关优秀共产党员" });
        await Assertions.Expect(mine).ToContainTextAsync("本人提出，须由他人审核");
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "通过" })).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(secretary, "30-points-proposed");
        await secretary.Context.CloseAsync();

        var admin = await f.NewPageAsync("partyadmin");
        await admin.GotoAsync("/Points/Awards");
        var item = admin.GetByTestId("pending").Locator("li", new() { HasText = "获评市直机关优秀共产党员" });
        await item.GetByLabel("审核意见").FillAsync("同意");
        await item.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success, [data-testid=flash]").First).ToContainTextAsync("已审核通过");
        await Assertions.Expect(admin.GetByTestId("pending")).Not.ToContainTextAsync("获评市直机关优秀共产党员");
        await BrowserFixture.ShotAsync(admin, "31-points-approved");
        await admin.GotoAsync("/Points");
        await Assertions.Expect(admin.GetByTestId("points-members").Locator("tr", new() { HasText = "刘伟" })).ToContainTextAsync("65");
        await BrowserFixture.ShotAsync(admin, "33-points-overview");
        await admin.GotoAsync("/Points/Rules");
        await admin.GetByRole(AriaRole.Button, new() { Name = "建立本年度规则" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("rule-items").Locator("tr[data-code=attend-ThemedPartyDay]")).ToContainTextAsync("v1");
        await BrowserFixture.ShotAsync(admin, "34-points-rules");
        // The award rule changes from the start of the year; the preview names what it would alter.
        var row = admin.GetByTestId("rule-items").Locator("tr[data-code=award]");
        await row.GetByLabel("分值").FillAsync("6");
        await row.GetByLabel("生效日期").FillAsync($"{DateTime.Now.Year}-01-01");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("rule-items").Locator("tr[data-code=award]")).ToContainTextAsync("v2");
        await admin.GetByTestId("preview").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=preview-changes], [data-testid=preview-empty]")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(admin, "35-points-recompute-preview");
        await admin.Context.CloseAsync();

        var member = await f.NewPageAsync("member1", phone: true);
        await member.GotoAsync("/Points/Mine");
        await Assertions.Expect(member.GetByTestId("points-entries")).ToContainTextAsync("受到表彰奖励：获评市直机关优秀共产党员");
        await Assertions.Expect(member.GetByTestId("points-entries")).ToContainTextAsync("提出：secretary1，审核：partyadmin");
        await Assertions.Expect(member.GetByTestId("points-total").Locator("[data-category=Appraisal]")).ToContainTextAsync("+5");
        await BrowserFixture.ShotAsync(member, "32-points-member");
        await member.Context.CloseAsync();
    }
}
