using Microsoft.Playwright;
using Tongxin.Web.Shared;

namespace Tongxin.BrowserTests;

[Collection("browser")]
public class DutyJourney(BrowserFixture f)
{
    [Fact]
    public async Task TheOfficePlansASurveyWithChosenMembers_OnTheSameActivityEngine()
    {
        var office = await f.NewPageAsync("office");
        await office.GotoAsync("/OrgLife");
        await office.GetByTestId("plan").ClickAsync();
        await office.GetByLabel("组织").SelectOptionAsync(new SelectOptionValue { Label = "江州市政协委员" });
        await office.GetByLabel("活动类型").SelectOptionAsync("Survey");
        var boxes = office.GetByTestId("attendees").Locator("input[type=checkbox]");
        await Assertions.Expect(boxes).ToHaveCountAsync(31); // every CPPCC member may be chosen
        await Assertions.Expect(office.GetByTestId("attendees").Locator("input[type=checkbox]:checked")).ToHaveCountAsync(0);
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        var start = Clock.ToLocal(DateTime.UtcNow).AddDays(3);
        await office.GetByLabel("主题").FillAsync("关于学前教育资源配置情况的专题调研");
        await office.GetByLabel("开始时间").FillAsync(start.ToString("yyyy-MM-ddTHH:mm"));
        await office.GetByLabel("结束时间").FillAsync(start.AddHours(4).ToString("yyyy-MM-ddTHH:mm"));
        await office.GetByLabel("地点").FillAsync("江州市第一幼儿园");
        await BrowserFixture.ShotAsync(office, "53-duty-plan-survey");
        await office.GetByRole(AriaRole.Button, new() { Name = "报备" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("activity-topic")).ToHaveTextAsync("关于学前教育资源配置情况的专题调研");
        await BrowserFixture.ShotAsync(office, "54-duty-survey-activity");
        await office.Context.CloseAsync();
    }

    [Fact]
    public async Task ASectorConvenerSeesTheirOwnItemsAndTheirSectorsMembers()
    {
        var convener = await f.NewPageAsync("weiyuan1");
        await convener.GotoAsync("/Duty/FiveOne");
        await Assertions.Expect(convener.GetByTestId("my-five")).ToBeVisibleAsync();
        await Assertions.Expect(convener.GetByTestId("convened-sector")).ToContainTextAsync("经济界");
        var sectors = convener.GetByTestId("five-table").Locator("tbody tr td:nth-child(2)");
        Assert.All(await sectors.AllTextContentsAsync(), s => Assert.Equal("经济界", s));
        Assert.True(await sectors.CountAsync() >= 5);
        await BrowserFixture.ShotAsync(convener, "58-fiveone-convener");
        await convener.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOfficeAddsAScoredItemToTheYearsScheme_AndABadValueIsExplained()
    {
        var office = await f.NewPageAsync("office");
        await office.GotoAsync("/Duty/Files");
        var items = office.GetByTestId("scheme-items").Locator("tbody tr");
        var before = await items.CountAsync();
        var blank = items.Nth(before - 2); // the first of the two blank rows
        await blank.Locator("select").SelectOptionAsync("Consultation");
        await blank.Locator("input[name$='.Points']").FillAsync("0");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存评分办法" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("form-errors")).ToContainTextAsync("“参加协商议政”的每次分值应在 -100 到 100 之间且不为 0");
        await Assertions.Expect(items.Nth(before - 2).Locator("select")).ToHaveValueAsync("Consultation"); // what was typed is kept

        await items.Nth(before - 2).Locator("input[name$='.Points']").FillAsync("3");
        await items.Nth(before - 2).Locator("input[name$='.Cap']").FillAsync("9");
        await BrowserFixture.ShotAsync(office, "59-duty-scheme-edit");
        var answer = await office.RunAndWaitForResponseAsync(() => office.GetByRole(AriaRole.Button, new() { Name = "保存评分办法" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 30000 });
        if (answer.Status != 302) Assert.Fail($"saving the scheme answered {answer.Status}: {await answer.TextAsync()}");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("评分办法已保存");
        await Assertions.Expect(items).ToHaveCountAsync(before + 1);
        var saved = items.Filter(new() { Has = office.Locator("option[value=Consultation]:checked") });
        await Assertions.Expect(saved.Locator("input[name$='.Cap']")).ToHaveValueAsync("9");
        await office.Context.CloseAsync();
    }
}
