using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Tongxin.BrowserTests;

[Collection("browser")]
public class ProposalJourney(BrowserFixture f)
{
    [Fact]
    public async Task AMemberProposesWithACoSigner_TheOfficeAssignsIt_TheUnitAnswers_TheMemberRatesIt_AndTheRatesShowIt()
    {
        var cosigner = await f.App.WithDbAsync(db => db.Users.Where(u => u.UserName == "weiyuan2").Select(u => u.PersonId!.Value).SingleAsync());
        const string title = "关于增加城区公办幼儿园学位的建议";

        var member = await f.NewPageAsync("weiyuan1");
        await member.GotoAsync("/Proposals");
        await member.GetByRole(AriaRole.Link, new() { Name = "撰写提案" }).ClickAsync();
        await member.GetByLabel("标题").FillAsync(title);
        await member.GetByLabel("案由与建议").FillAsync("城区适龄幼儿逐年增加，公办幼儿园学位不足。建议新建三所公办幼儿园，并配套编制和经费保障。");
        await member.Locator($"input[name=CoSigners][value='{cosigner}']").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "提交提案" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("proposal-status")).ToContainTextAsync("待审查");
        await Assertions.Expect(member.GetByTestId("proposers").Locator($"[data-person='{cosigner}']")).ToContainTextAsync("待确认");
        await BrowserFixture.ShotAsync(member, "43-proposal-submitted");
        var url = member.Url;

        var second = await f.NewPageAsync("weiyuan2", phone: true);
        // The co-signer lands on their own page, which says what waits for them.
        await Assertions.Expect(second.GetByTestId("my-todo")).ToContainTextAsync("提案待确认联名（1）");
        await BrowserFixture.ShotAsync(second, "43a-cosigner-todo-phone");
        // The top bar's 待办 lists it too, with a link to where it is done.
        await second.GetByTestId("todo-count").ClickAsync();
        await Assertions.Expect(second.GetByTestId("todo-cosign")).ToContainTextAsync(title);
        await BrowserFixture.ShotAsync(second, "43b-todo-page-phone");
        await second.GoBackAsync();
        await second.GetByTestId("todo-item").ClickAsync(); // one item waiting: the link opens it
        await second.GetByRole(AriaRole.Button, new() { Name = "确认联名" }).ClickAsync();
        await Assertions.Expect(second.GetByTestId("proposers").Locator($"[data-person='{cosigner}']")).Not.ToContainTextAsync("待确认");
        await second.Context.CloseAsync();

        var office = await f.NewPageAsync("office");
        await office.GotoAsync(url);
        await office.GetByRole(AriaRole.Button, new() { Name = "立案", Exact = true }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("proposal-status")).ToContainTextAsync("已立案");
        await office.GetByLabel("主办单位").SelectOptionAsync(new SelectOptionValue { Label = "江州市教育局" });
        await office.GetByTestId("assign-form").GetByRole(AriaRole.Button, new() { Name = "交办" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("proposal-status")).ToContainTextAsync("办理中");
        await Assertions.Expect(office.GetByTestId("handling")).ToContainTextAsync("江州市教育局");
        await BrowserFixture.ShotAsync(office, "44-proposal-assigned");

        // The lead proposer reads on a phone that the proposal was registered and assigned, and opens it from there.
        var lead = await f.NewPageAsync("weiyuan1", phone: true);
        await lead.GetByTestId("notice-count").ClickAsync();
        await Assertions.Expect(lead.GetByTestId("notices").Locator("[data-unread=true]", new() { HasText = "已交办" })).ToContainTextAsync(title);
        await Assertions.Expect(lead.GetByTestId("notices")).ToContainTextAsync("已立案，案号");
        await BrowserFixture.ShotAsync(lead, "44a-notices-phone");
        await lead.GetByTestId("notices").Locator("[data-unread=true]", new() { HasText = "已交办" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("proposal-status")).ToContainTextAsync("办理中");
        await lead.Context.CloseAsync();

        var unit = await f.NewPageAsync("unit1");
        await unit.GotoAsync("/Proposals");
        await Assertions.Expect(unit.GetByTestId("handling").Locator("tbody tr")).ToHaveCountAsync(1);
        await unit.GetByTestId("handling").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await unit.GetByLabel("A类（已解决或基本解决）").CheckAsync();
        await unit.GetByLabel("答复内容").FillAsync("我局已将新建三所公办幼儿园纳入2027年教育设施建设计划，选址已完成，预计新增学位900个。");
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("reply")).ToContainTextAsync("新增学位900个");
        await BrowserFixture.ShotAsync(unit, "45-proposal-answered-by-unit");
        await unit.GotoAsync("/People");
        Assert.Equal(403, (await unit.GotoAsync("/People"))!.Status);
        await unit.Context.CloseAsync();

        await member.GotoAsync(url);
        await member.GetByLabel("办理过程").SelectOptionAsync("Satisfied");
        await member.GetByLabel("办理结果").SelectOptionAsync("Satisfied");
        await member.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("rating")).ToContainTextAsync("办理结果：满意");
        await BrowserFixture.ShotAsync(member, "46-proposal-rated");
        await member.Context.CloseAsync();

        await office.GotoAsync("/Proposals/Rates");
        var row = office.GetByTestId("unit-rates").Locator("tr", new() { HasText = "江州市教育局" });
        await Assertions.Expect(row).ToContainTextAsync("100%");
        await BrowserFixture.ShotAsync(office, "47-proposal-rates");
        await row.GetByRole(AriaRole.Link, new() { Name = "江州市教育局" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("office")).ToContainTextAsync(title);
        await office.Context.CloseAsync();

        // The proposal counts towards the member's 五个一.
        var five = await f.NewPageAsync("weiyuan1");
        await five.GotoAsync("/Duty/FiveOne");
        var item = five.GetByTestId("my-five").Locator("[data-item=Proposal]");
        await Assertions.Expect(item).ToContainTextAsync("已完成");
        await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(five, "55-five-ones-member");
        await five.GotoAsync("/Duty/File");
        await Assertions.Expect(five.GetByTestId("duty-score")).ToContainTextAsync("履职得分");
        await Assertions.Expect(five.Locator("main")).ToContainTextAsync(title);
        await BrowserFixture.ShotAsync(five, "56-duty-file-member");
        await five.Context.CloseAsync();

        var files = await f.NewPageAsync("office");
        await files.GotoAsync("/Duty/Files");
        await Assertions.Expect(files.GetByTestId("files").Locator("tbody tr")).ToHaveCountAsync(31);
        await BrowserFixture.ShotAsync(files, "57-duty-files-office");
        await files.Context.CloseAsync();
    }
}
