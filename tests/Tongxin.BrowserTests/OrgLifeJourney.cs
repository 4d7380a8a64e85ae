using Microsoft.Playwright;
using Tongxin.Web.Shared;

namespace Tongxin.BrowserTests;

[Collection("browser")]
public class OrgLifeJourney(BrowserFixture f)
{
    [Fact]
    public async Task PlanShowTheCode_AMemberSignsInByPhone_RecordIt_AndTheBranchIsCompliant()
    {
        var secretary = await f.NewPageAsync("secretary1");
        await secretary.GotoAsync("/OrgLife");
        await secretary.GetByTestId("plan").ClickAsync();
        await secretary.GetByLabel("组织").SelectOptionAsync(new SelectOptionValue { Label = "第一党支部" });
        await secretary.GetByLabel("活动类型").SelectOptionAsync("ThemedPartyDay");
        await Assertions.Expect(secretary.GetByTestId("attendees").Locator("input[type=checkbox]")).ToHaveCountAsync(9);
        var start = Clock.ToLocal(DateTime.UtcNow).AddMinutes(-5);
        await secretary.GetByLabel("主题").FillAsync("主题党日：重温入党誓词");
        await secretary.GetByLabel("开始时间").FillAsync(start.ToString("yyyy-MM-ddTHH:mm"));
        await secretary.GetByLabel("结束时间").FillAsync(start.AddHours(2).ToString("yyyy-MM-ddTHH:mm"));
        await secretary.GetByLabel("地点").FillAsync("机关三楼党员活动室");
        await BrowserFixture.ShotAsync(secretary, "20-plan");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "报备" }).ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("activity-topic")).ToHaveTextAsync("主题党日：重温入党誓词");
        var activityUrl = secretary.Url;

        // The projector screen.
        var screen = await secretary.Context.NewPageAsync();
        await screen.GotoAsync(activityUrl.Replace("/OrgLife/Activity/", "/OrgLife/Screen/"));
        await Assertions.Expect(screen.GetByTestId("screen-count")).ToHaveTextAsync("0 / 9");
        var qrUrl = await screen.GetByTestId("qr").GetAttributeAsync("data-url");
        await BrowserFixture.ShotAsync(screen, "21-screen-before");

        // A member's phone opens the code's URL, logs in, confirms.
        var phone = await f.NewPageAsync(phone: true);
        await phone.GotoAsync(qrUrl!);
        Assert.Contains("/Account/Login", phone.Url);
        await phone.GetByLabel("用户名").FillAsync("member1");
        await phone.GetByLabel("密码").FillAsync(Tongxin.Tests.Support.AppFactory.DemoPassword);
        await phone.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("signin-topic")).ToHaveTextAsync("主题党日：重温入党誓词");
        await BrowserFixture.ShotAsync(phone, "22-phone-confirm");
        await phone.GetByTestId("confirm-signin").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("signin-done")).ToContainTextAsync("签到成功");
        // Scanning again says so at once, with the time.
        await phone.GotoAsync(qrUrl!);
        await Assertions.Expect(phone.GetByTestId("signin-done")).ToContainTextAsync("您已签到（");
        await Assertions.Expect(phone.GetByTestId("confirm-signin")).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(phone, "23-phone-done");

        // The screen's count rises by itself (it polls).
        await Assertions.Expect(screen.GetByTestId("screen-count")).ToHaveTextAsync("1 / 9", new() { Timeout = 15000 });
        await Assertions.Expect(screen.GetByTestId("screen-names")).ToContainTextAsync("刘伟");
        await BrowserFixture.ShotAsync(screen, "24-screen-after");

        // Minutes, then the activity counts.
        await secretary.ReloadAsync();
        await secretary.GetByLabel("会议记录（支持Markdown，不支持HTML）").FillAsync("## 议程\n1. 重温入党誓词\n2. 交流学习体会");
        await secretary.GetByTestId("record").ClickAsync();
        // Saving the minutes holds nothing: those not signed in are 未签到 until 确认召开, which lists them first.
        await Assertions.Expect(secretary.GetByTestId("activity-status")).ToHaveTextAsync("计划中");
        await Assertions.Expect(secretary.GetByTestId("present-count")).ToContainTextAsync("未签到 8 人");
        await Assertions.Expect(secretary.GetByTestId("attendance")).Not.ToContainTextAsync("缺席");
        await secretary.GetByTestId("confirm-held").Locator("summary").ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("would-be-absent")).ToBeVisibleAsync();
        Assert.Equal(8, (await secretary.GetByTestId("would-be-absent").InnerTextAsync()).Split('、').Length);
        await BrowserFixture.ShotAsync(secretary, "25a-confirm-held");
        await secretary.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(secretary.GetByTestId("activity-status")).ToHaveTextAsync("已召开");
        await Assertions.Expect(secretary.GetByTestId("present-count")).ToContainTextAsync("缺席 8 人");
        await Assertions.Expect(secretary.GetByTestId("minutes").Locator("h2")).ToHaveTextAsync("议程");
        await BrowserFixture.ShotAsync(secretary, "25-recorded");

        await secretary.GotoAsync($"/OrgLife/Compliance?period={Clock.Today:yyyy-MM}");
        var row = secretary.Locator("[data-testid=compliance] tr[data-org=第一党支部]");
        await Assertions.Expect(row.Locator("[data-type=ThemedPartyDay]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-bg-success"));
        await Assertions.Expect(row.Locator("[data-type=ThemedPartyDay]")).ToContainTextAsync("1/1");
        await BrowserFixture.ShotAsync(secretary, "26-compliance");

        // 我的积分: the sign-in earned the 主题党日 points, and the entry leads back to the meeting.
        await phone.GotoAsync("/Points/Mine");
        var entry = phone.GetByTestId("points-entries").GetByTestId("entry-source").First;
        await Assertions.Expect(entry).ToContainTextAsync("参加主题党日：主题党日：重温入党誓词");
        await Assertions.Expect(phone.GetByTestId("points-total").Locator("[data-category=Duty]")).ToContainTextAsync("+2");
        await BrowserFixture.ShotAsync(phone, "27-phone-points");
        await entry.ClickAsync();
        await Assertions.Expect(phone.GetByTestId("activity-topic")).ToHaveTextAsync("主题党日：重温入党誓词");
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/OrgLife/Activity/\\d+$"));
        await BrowserFixture.ShotAsync(phone, "28-phone-points-source");
        await secretary.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
