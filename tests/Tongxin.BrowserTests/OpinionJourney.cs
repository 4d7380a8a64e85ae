using Microsoft.Playwright;

namespace Tongxin.BrowserTests;

[Collection("browser")]
public class OpinionJourney(BrowserFixture f)
{
    [Fact]
    public async Task AMemberSubmitsAReport_TheOfficeAdoptsForwardsAndRecordsAnInstruction_AndTheCountsShowIt()
    {
        const string title = "关于老旧小区加装电梯费用分摊的建议";
        var member = await f.NewPageAsync("weiyuan2", phone: true);
        await member.GotoAsync("/Opinions");
        await member.GetByRole(AriaRole.Link, new() { Name = "撰写社情民意" }).ClickAsync();
        await member.GetByLabel("标题").FillAsync(title);
        await member.GetByLabel("情况、问题和建议").FillAsync("部分老旧小区加装电梯推进缓慢，主要原因是低层住户意见不一、费用分摊办法不明确。建议出台统一的费用分摊指导标准，由街道牵头协调，并对困难家庭给予补贴。");
        await member.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("opinion-status")).ToContainTextAsync("已报送");
        await BrowserFixture.ShotAsync(member, "48-opinion-submitted-phone");
        await member.Context.CloseAsync();

        var office = await f.NewPageAsync("office");
        await office.GotoAsync("/Opinions");
        await office.GetByTestId("office").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "采用", Exact = true }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("opinion-status")).ToContainTextAsync("已采用");
        await office.GetByLabel("报送层级").SelectOptionAsync("Province");
        await office.GetByRole(AriaRole.Button, new() { Name = "登记报送" }).ClickAsync();
        await office.GetByLabel("批示领导").FillAsync("市长");
        await office.GetByLabel("批示内容").FillAsync("请市住建局牵头研究，拿出指导意见。");
        await office.GetByRole(AriaRole.Button, new() { Name = "登记批示" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("instruction")).ToContainTextAsync("请市住建局牵头研究");
        await Assertions.Expect(office.GetByTestId("forwarded")).ToContainTextAsync("报送省政协");
        await BrowserFixture.ShotAsync(office, "49-opinion-adopted");
        await office.GotoAsync("/Opinions");
        await Assertions.Expect(office.GetByTestId("by-sector").Locator("tr", new() { HasText = "经济界" })).ToContainTextAsync("1");
        await BrowserFixture.ShotAsync(office, "50-opinion-counts");
        await office.Context.CloseAsync();
    }
}
