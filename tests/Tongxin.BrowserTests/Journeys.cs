using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tongxin.Tests.Support;
using Tongxin.Web.Shared;
using C = Tongxin.Web.Features.People.RosterColumns;

namespace Tongxin.BrowserTests;

[Collection("browser")]
public class Journeys(BrowserFixture f)
{
    static object?[] Good(string name, string birth, int seq, string date) =>
        [name, IdNumber.WithCheckDigit($"330106{birth}{seq:000}"), "第二党支部", "正式党员", date];

    static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    [Fact]
    public async Task SignIn_WrongPasswordIsExplained_ThenTheDashboardOpens()
    {
        var page = await f.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url);
        await page.GetByLabel("用户名").FillAsync("secretary1");
        await page.GetByLabel("密码").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("用户名或密码错误");
        await BrowserFixture.ShotAsync(page, "01-login-error");

        await BrowserFixture.LoginAsync(page, "secretary1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("current-org")).ToContainTextAsync("第一党支部");
        await Assertions.Expect(page.GetByTestId("menu")).Not.ToContainTextAsync("审计日志");
        await BrowserFixture.ShotAsync(page, "02-dashboard-secretary");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOut_EndsTheSession_AndThePagesBreakNoContentSecurityPolicy()
    {
        var page = await f.NewPageAsync("secretary1");
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) violations.Add(m.Text); };
        foreach (var path in new[] { "/", "/Organizations", "/People", "/OrgLife/Plan", "/OrgLife", "/Points" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        Assert.Empty(violations);
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"));
        await page.GotoAsync("/People");
        Assert.Contains("/Account/Login", page.Url);
        await Assertions.Expect(page.GetByLabel("用户名")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "02b-signed-out");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BrowseTheTree_CollapseExpandSearch_AndOpenABranch()
    {
        var page = await f.NewPageAsync("admin");
        await page.GotoAsync("/Organizations");
        var tree = page.GetByTestId("org-tree");
        var retirees = tree.GetByRole(AriaRole.Link, new() { Name = "离退休干部党支部" });
        await Expect(retirees);
        await BrowserFixture.ShotAsync(page, "03-tree");

        await page.GetByRole(AriaRole.Button, new() { Name = "全部收起" }).ClickAsync();
        await Assertions.Expect(retirees).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "全部展开" }).ClickAsync();
        await Expect(retirees);

        await page.GetByPlaceholder("搜索组织名称").FillAsync("功能型");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Assertions.Expect(tree.GetByRole(AriaRole.Link, new() { Name = "离退休干部党支部" })).ToHaveCountAsync(0);
        await Assertions.Expect(tree.Locator("mark")).ToHaveTextAsync("功能型");
        await BrowserFixture.ShotAsync(page, "04-tree-search");

        await tree.GetByRole(AriaRole.Link, new() { Name = "提案委员会功能型党支部" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("org-name")).ToHaveTextAsync("提案委员会功能型党支部");
        await Assertions.Expect(page.GetByTestId("full-members")).ToHaveTextAsync("3");
        await page.GotoAsync("/Organizations");
        await tree.GetByRole(AriaRole.Link, new() { Name = "离退休干部党支部" }).ClickAsync();
        await Expect(page.GetByTestId("branch-flag").Filter(new() { HasText = "应设立支部委员会" }));
        await Expect(page.GetByTestId("branch-flag").Filter(new() { HasText = "应换届" }));
        await BrowserFixture.ShotAsync(page, "05-branch-flagged");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ImportARoster_SeeTheBadRow_FixIt_AndImport()
    {
        string[] headers = [C.Name, C.IdNumber, C.Org, C.PartyStatus, C.JoinedDate];
        var rows = new List<object?[]>
        {
            Good("葛晓明", "19900312", 31, "2015-06-30"),
            Good("邱雨桐", "19930709", 42, "2019.7"),
            new object?[] { "潘立新", "330106199105051230", "第二党支部", "正式党员", "2016年5月" }, // bad check digit, row 4
        };
        var dir = Directory.CreateTempSubdirectory("tongxin-import-").FullName;
        var bad = Path.Combine(dir, "花名册-有误.xlsx");
        await File.WriteAllBytesAsync(bad, XlsxBuilder.Build(headers, rows));

        var page = await f.NewPageAsync("partyadmin");
        await page.GotoAsync("/People/Import");
        await page.GetByTestId("upload").SetInputFilesAsync(bad);
        await page.GetByTestId("check").ClickAsync();
        var errors = page.GetByTestId("import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("身份证号校验位错误");
        await Assertions.Expect(errors.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(errors.Locator("tbody tr td").First).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByTestId("import-failed")).ToContainTextAsync("未导入任何数据");
        await BrowserFixture.ShotAsync(page, "06-import-errors");

        rows[2] = Good("潘立新", "19910505", 23, "2016年5月");
        var good = Path.Combine(dir, "花名册-已改正.xlsx");
        await File.WriteAllBytesAsync(good, XlsxBuilder.Build(headers, rows));
        await page.GetByTestId("upload").SetInputFilesAsync(good);
        await page.GetByTestId("check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-ready")).ToContainTextAsync("共 3 行");
        await page.GetByTestId("commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已导入 3 人");

        await page.GotoAsync("/People?q=pl");
        await Assertions.Expect(page.GetByTestId("people")).ToContainTextAsync("潘立新");
        await BrowserFixture.ShotAsync(page, "07-import-done");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ExportTheFilteredList()
    {
        var page = await f.NewPageAsync("secretary2");
        await page.GotoAsync("/People");
        await page.Locator("select[name=role]").SelectOptionAsync("full");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var total = await page.GetByTestId("total").InnerTextAsync();
        var count = int.Parse(Regex.Match(total, @"\d+").Value);
        await BrowserFixture.ShotAsync(page, "08-people-list");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "export.xlsx");
        await download.SaveAsAsync(path);
        await using var stream = File.OpenRead(path);
        var rows = XlsxBuilder.Read(stream);
        Assert.Equal(count + 1, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal("正式党员", r[5]));
        Assert.All(rows.Skip(1), r => Assert.StartsWith("第二党支部", r[4]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_AMemberSeesTheirOwnRecord_AndTheMenuOpens()
    {
        var page = await f.NewPageAsync("member1", phone: true);
        await page.GetByTestId("current-user").ClickAsync();
        await page.GetByTestId("user-menu").GetByRole(AriaRole.Link, new() { Name = "我的信息" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-name")).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 400, $"page is {width}px wide on a 390px phone");
        await BrowserFixture.ShotAsync(page, "09-phone-member");

        await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "我的信息" })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(400); // let the off-canvas finish sliding in before the picture
        await BrowserFixture.ShotAsync(page, "10-phone-menu");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAuditorSeesOnlyTheLog_AndVerifiesTheChain()
    {
        var page = await f.NewPageAsync("auditor");
        Assert.EndsWith("/Audit", page.Url);
        await Assertions.Expect(page.GetByTestId("menu").GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await page.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync("日志链完整");
        await BrowserFixture.ShotAsync(page, "11-audit");
        var response = await page.GotoAsync("/People");
        Assert.Equal(403, response!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSystemAdministratorCreatesAnAccount()
    {
        var page = await f.NewPageAsync("admin");
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "账号管理" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync("leader2");
        await page.GetByLabel("姓名").FillAsync("分管领导");
        await page.GetByLabel("初始密码").FillAsync("Leader#2026");
        await page.GetByLabel("角色").SelectOptionAsync("Leader");
        await page.GetByLabel("管理范围（组织）").SelectOptionAsync(new SelectOptionValue { Label = "　　　　中共江州市政协机关委员会" });
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已创建账号 leader2");
        await Assertions.Expect(page.GetByTestId("grants")).ToContainTextAsync("领导（中共江州市政协机关委员会）");
        await BrowserFixture.ShotAsync(page, "12-account-created");
        await page.GotoAsync("/Admin/Users");
        await Assertions.Expect(page.GetByTestId("users")).ToContainTextAsync("leader2");
        await Assertions.Expect(page.GetByTestId("users")).Not.ToContainTextAsync("auditor");
        await BrowserFixture.ShotAsync(page, "13-accounts");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSecurityAdministratorFindsAPersonByPinyinInitials_ForTheirAccount()
    {
        var page = await f.NewPageAsync("security");
        await page.GotoAsync("/Admin/Users");
        await page.GetByLabel("查找人员").FillAsync("w");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        var options = page.GetByTestId("person-choice").Locator("option");
        Assert.True(await options.CountAsync() > 1, "people whose initials start with W are offered");
        Assert.All(await options.AllTextContentsAsync(), t => Assert.DoesNotMatch(@"\d{17}[\dX]", t)); // ID numbers masked
        await BrowserFixture.ShotAsync(page, "13a-account-person-search");
        await page.Context.CloseAsync();
    }
}
