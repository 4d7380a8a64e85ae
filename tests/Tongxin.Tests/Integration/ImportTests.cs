using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.People;
using Tongxin.Web.Shared;
using C = Tongxin.Web.Features.People.RosterColumns;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class ImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly string[] Headers = [C.Name, C.Gender, C.IdNumber, C.Org, C.PartyGroup, C.PartyStatus, C.JoinedDate, C.FullDate, C.Cppcc, C.Sector, C.Affiliation];

    static object?[] Row(string name, string id, string org, string status, object? joined, object? full = null,
        string cppcc = "否", string sector = "", string affiliation = "", string group = "") =>
        [name, "", id, org, group, status, joined, full, cppcc, sector, affiliation];

    static string Id(string birth, int seq) => IdNumber.WithCheckDigit($"330102{birth}{seq:000}");

    static Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> Upload(HttpClient c, byte[] file, string fileName = "roster.xlsx") =>
        Imports.CheckAsync(c, file, fileName);

    [Fact]
    public async Task BadRows_AreListedWithRowNumbersAndReasons_AndNothingIsWritten_ThenTheFixedFileImportsWhole()
    {
        var c = await app.ClientAsync("partyadmin");
        var existing = await app.PersonInAsync("第二党支部");
        List<object?[]> rows =
        [
            Row("赵一", Id("19900101", 11), "第一党支部", "正式党员", "2019-07-01", "2020.7", group: "第一党支部第一党小组"),
            Row("钱二", Id("19910202", 12), "第一党支部", "预备党员", "2026年3月"),
            Row("孙三", Id("19920303", 13), "第二党支部", "正式党员", "2019/7/1", 44013d),
            Row("周四", "330102199304041234", "第二党支部", "正式党员", "2018-01-01"),        // row 5: bad check digit
            Row("吴五", Id("19940505", 15), "不存在的支部", "", null),                        // row 6: unknown org
            Row("郑六", Id("19950606", 16), "第一党支部", "正式党员", "07/01/2019"),         // row 7: bad date
            Row("王七", Id("19900101", 11), "第一党支部", "正式党员", "2019-07-01"),         // row 8: same ID as row 2
            Row("冯八", existing.IdNumber!, "第二党支部", "正式党员", "2010-01-01"),          // row 9: already registered
            Row("陈九", Id("19800101", 19), "第二党支部", "", null, cppcc: "是", sector: "教育界", affiliation: "民盟"),
        ];
        var before = await app.WithDbAsync(db => db.People.CountAsync());
        var (r, page) = await Upload(c, XlsxBuilder.Build(Headers, rows));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var errors = page.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(errors, e => e[0] == "5" && e[1] == C.IdNumber && e[2] == "身份证号校验位错误");
        Assert.Contains(errors, e => e[0] == "6" && e[1] == C.Org && e[2].Contains("不存在的支部"));
        Assert.Contains(errors, e => e[0] == "7" && e[1] == C.JoinedDate && e[2].Contains("07/01/2019"));
        Assert.Contains(errors, e => e[0] == "8" && e[2] == "身份证号与第2行重复");
        Assert.Contains(errors, e => e[0] == "9" && e[2].Contains("已登记"));
        Assert.True(errors.Count == 5, string.Join(" | ", errors.Select(e => string.Join(",", e))));
        Assert.Contains("未导入任何数据", page.QuerySelector("[data-testid=import-failed]")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.People.CountAsync()));

        rows.RemoveAt(7); rows.RemoveAt(6); rows.RemoveAt(4); // drop rows 9, 8 and 6
        rows[3] = Row("周四", Id("19930404", 14), "第二党支部", "正式党员", "2018-01-01");
        rows[4] = Row("郑六", Id("19950606", 16), "第一党支部", "正式党员", "2019年7月");
        (r, page) = await Upload(c, XlsxBuilder.Build(Headers, rows));
        Assert.NotNull(page.QuerySelector("[data-testid=import-ready]"));
        var token = page.QuerySelector("input[name=Token]")!.GetAttribute("value")!;
        var commit = await c.PostAsync("/People/Import?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["__RequestVerificationToken"] = Html.AntiForgery(page.DocumentElement.OuterHtml),
        }));
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Equal(before + 6, await app.WithDbAsync(db => db.People.CountAsync()));

        var zhao = await app.WithDbAsync(db => db.People.SingleAsync(p => p.Name == "赵一"));
        Assert.Equal(new DateOnly(2019, 7, 1), zhao.JoinedDate);
        Assert.Equal(new DateOnly(2020, 7, 1), zhao.FullDate);
        Assert.Equal(await app.OrgIdAsync("第一党支部第一党小组"), zhao.PartyGroupId);
        var sun = await app.WithDbAsync(db => db.People.SingleAsync(p => p.Name == "孙三"));
        Assert.Equal(new DateOnly(2020, 7, 1), sun.FullDate); // Excel serial 44013
        var chen = await app.WithDbAsync(db => db.People.SingleAsync(p => p.Name == "陈九"));
        Assert.True(chen.IsCppccMember);
        Assert.Equal("民盟", chen.Affiliation);
        Assert.Equal(PartyStatus.None, chen.PartyStatus);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Person" && a.EntityId == zhao.Id.ToString() && a.Action == "Create")));
    }

    [Fact]
    public async Task Secretary_CannotImport_AndOutOfScopeOrganisationsAreUnknown()
    {
        var secretary = await app.ClientAsync("secretary1");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/People/Import")).StatusCode);

        var scope = await app.ScopeOfAsync("partyadmin");
        using var s = app.Services.CreateScope();
        var handler = s.ServiceProvider.GetRequiredService<ImportRoster.Handler>();
        // 临时党支部 sits under the leading party group, outside the party admin's 机关党委 subtree.
        var file = XlsxBuilder.Build(Headers, [Row("林十", Id("19880808", 21), "市政协十五届六次会议临时党支部", "正式党员", "2010-01-01")]);
        var check = await handler.CheckAsync(new MemoryStream(file), scope);
        Assert.Contains(check.Errors, e => e.Row == 2 && e.Message.Contains("不在您的管理范围内"));
    }

    [Fact]
    public async Task NotASpreadsheet_IsRefusedInChinese()
    {
        var c = await app.ClientAsync("partyadmin");
        var (_, page) = await Upload(c, "姓名,所在组织\n张三,第一党支部"u8.ToArray(), "roster.xlsx");
        Assert.Contains("无法读取该文件", page.QuerySelector("[data-testid=import-errors]")!.TextContent);
        var (_, page2) = await Upload(c, [1, 2, 3], "roster.csv");
        Assert.Contains("只能导入 .xlsx 或 .xls 文件", page2.QuerySelector("[data-testid=form-errors]")!.TextContent);
    }

    [Fact]
    public async Task OldXlsFiles_AsWpsSavesThem_AreCheckedTheSameWay()
    {
        // Fixtures/roster-wps.xls is a BIFF8 workbook made by Fixtures/make-roster-xls.js (SheetJS).
        var c = await app.ClientAsync("partyadmin");
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "roster-wps.xls"));
        var (_, page) = await Upload(c, file, "花名册.xls");
        var errors = page.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        var only = Assert.Single(errors);
        Assert.Equal(["3", C.IdNumber, "身份证号校验位错误"], only);
    }

    [Fact]
    public async Task Template_HasEveryColumn()
    {
        var c = await app.ClientAsync("partyadmin");
        var r = await c.GetAsync("/People/Import?handler=Template");
        var rows = XlsxBuilder.Read(await r.Content.ReadAsStreamAsync());
        Assert.Equal(C.All.Length, rows[0].Count);
        Assert.Equal("姓名*", rows[0][0]);
        Assert.True(IdNumber.IsValid(rows[1][2]));
    }
}
