using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.People;
using Tongxin.Web.Shared;
using C = Tongxin.Web.Features.People.RosterColumns;

namespace Tongxin.Tests.Integration;

/// <summary>Imports that never corrupt: no duplicate people, no silent wrong values, nothing hidden imported, no 500.</summary>
[Trait("Category", "Db")]
public class ImportSafetyTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly string[] Headers = [C.Name, C.Gender, C.IdNumber, C.Org, C.PartyStatus, C.JoinedDate];
    static string Id(string birth, int seq) => IdNumber.WithCheckDigit($"440106{birth}{seq:000}");

    [Fact]
    public async Task OddValues_AreNamed_NotGuessed_AndNothingIsWritten()
    {
        var c = await app.ClientAsync("partyadmin");
        var before = await app.WithDbAsync(db => db.People.CountAsync());
        List<object?[]> rows =
        [
            ["甲一", "", Id("19900101", 21), "第二党支部", "正式党员", "2019"],                    // row 2: bare year (text)
            ["乙二", "", Id("19900102", 22), "第二党支部", "正式党员", 2019d],                    // row 3: bare year (a number cell)
            ["丙三", "", 440106199001031234d, "第二党支部", "正式党员", "2019-07-01"],             // row 4: ID stored as a number
            ["丁四", "", Id("19900104", 24), "第二党支部", "正式党员", "２０１９年７月"],            // row 5: full-width, fine
            ["戊五", "", Id("19900105", 25), "第二党支部", "正式党员", "2019-07-01"],             // row 6: hidden
        ];
        var (r, page) = await Imports.CheckAsync(c, XlsxBuilder.Build(Headers, rows, new(HiddenRows: [6], HiddenSheet: "旧名单")));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var errors = Imports.Errors(page);
        Assert.True(errors.Any(e => e[0] == "2" && e[1] == C.JoinedDate && e[2].Contains("只填了年份“2019”")), string.Join(" | ", errors.Select(e => string.Join(",", e))));
        Assert.Contains(errors, e => e[0] == "3" && e[1] == C.JoinedDate && e[2].Contains("只填了年份“2019”"));
        Assert.Contains(errors, e => e[0] == "4" && e[1] == C.IdNumber && e[2].Contains("存成了数字"));
        Assert.Contains(errors, e => e[0] == "6" && e[2].Contains("隐藏行"));
        Assert.DoesNotContain(errors, e => e[0] == "5");
        Assert.Contains("隐藏工作表“旧名单”未导入", page.QuerySelector("[data-testid=import-warnings]")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task ARosterSavedByLibreOffice_WithAHiddenRowAMergedCellABareYearAndANumericId_IsExplainedRowByRow()
    {
        // Fixtures/roster-libreoffice.xlsx is LibreOffice Calc 7.4's own .xlsx of Fixtures/roster-libreoffice.fods
        // (soffice --headless --convert-to xlsx): real date cells, a hidden row, a merged 所在组织, 2019 as a number.
        var c = await app.ClientAsync("partyadmin");
        var before = await app.WithDbAsync(db => db.People.CountAsync());
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "roster-libreoffice.xlsx"));
        var (r, page) = await Imports.CheckAsync(c, file);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var errors = Imports.Errors(page);
        var all = string.Join(" | ", errors.Select(e => string.Join(",", e)));
        Assert.DoesNotContain(errors, e => e[0] == "2");                                   // 郑　七 with a real date cell: fine
        Assert.Contains(errors, e => e[0] == "3" && e[2].Contains("隐藏行"));
        Assert.True(errors.Any(e => e[2].Contains("C4:C5") && e[2].Contains("合并单元格")), all);
        Assert.Contains(errors, e => e[0] == "4" && e[1] == C.JoinedDate && e[2].Contains("只填了年份“2019”"));
        Assert.Contains(errors, e => e[0] == "6" && e[1] == C.IdNumber && e[2].Contains("存成了数字"));
        Assert.Equal(before, await app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task MergedCells_AreNamedAsTheCause()
    {
        var c = await app.ClientAsync("partyadmin");
        List<object?[]> rows =
        [
            ["己六", "", Id("19900106", 26), "第二党支部", "正式党员", "2019-07-01"],
            ["庚七", "", Id("19900107", 27), null, "正式党员", "2019-07-01"],
        ];
        var (_, page) = await Imports.CheckAsync(c, XlsxBuilder.Build(Headers, rows, new(Merged: ["D2:D3"])));
        Assert.Contains(Imports.Errors(page), e => e[2].Contains("D2:D3") && e[2].Contains("合并单元格"));
    }

    [Fact]
    public async Task FullWidthText_IsNormalised_AndTheNameLosesItsSpace()
    {
        var c = await app.ClientAsync("partyadmin");
        var id = Id("19900108", 28);
        var (_, page) = await Imports.CheckAsync(c, XlsxBuilder.Build(Headers, [["郑　七", "女", id, "第二党支部", "正式党员", "２０１９年７月"]]));
        Assert.NotNull(page.QuerySelector("[data-testid=import-ready]"));
        Assert.Equal(HttpStatusCode.Redirect, (await Imports.CommitAsync(c, page)).StatusCode);
        var saved = await app.WithDbAsync(db => db.People.SingleAsync(p => p.IdNumber == id));
        Assert.Equal(("郑七", new DateOnly(2019, 7, 1)), (saved.Name, saved.JoinedDate!.Value));
    }

    [Fact]
    public async Task CommittingTheSameCheckedFileTwice_WritesOnce()
    {
        var c = await app.ClientAsync("partyadmin");
        var id = Id("19900109", 29);
        var (_, page) = await Imports.CheckAsync(c, XlsxBuilder.Build(Headers, [["辛八", "", id, "第二党支部", "正式党员", "2019-07-01"]]));
        var both = await Task.WhenAll(Imports.CommitAsync(c, page), Imports.CommitAsync(c, page));
        Assert.Contains(both, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.IdNumber == id)));
        // And the same file checked again is refused as already registered.
        var (_, again) = await Imports.CheckAsync(c, XlsxBuilder.Build(Headers, [["辛八", "", id, "第二党支部", "正式党员", "2019-07-01"]]));
        Assert.Contains(Imports.Errors(again), e => e[2].Contains("已登记"));
    }

    [Fact]
    public async Task CommittingACheckedFileWithoutIdNumbersTwiceAtOnce_WritesItOnce()
    {
        var c = await app.ClientAsync("partyadmin");
        var (_, page) = await Imports.CheckAsync(c, XlsxBuilder.Build(Headers, [["双击甲", "", "", "第二党支部", "", ""], ["双击乙", "", "", "第二党支部", "", ""]]));
        var both = await Task.WhenAll(Imports.CommitAsync(c, page), Imports.CommitAsync(c, page));
        Assert.Contains(both, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(2, await app.WithDbAsync(db => db.People.CountAsync(p => p.Name == "双击甲" || p.Name == "双击乙")));
    }

    [Fact]
    public async Task ARowWithoutAnIdNumber_LikeSomeoneRegistered_IsShownAsAPossibleDuplicate()
    {
        var c = await app.ClientAsync("partyadmin");
        var existing = await app.PersonInAsync("第二党支部");
        var (_, page) = await Imports.CheckAsync(c, XlsxBuilder.Build(Headers, [[existing.Name, "", "", "第二党支部", "", ""]]));
        Assert.Contains("可能重复", page.QuerySelector("[data-testid=import-warnings]")!.TextContent);
    }

    [Fact]
    public async Task TwoSavesOfOneIdNumberAtOnce_LeaveOnePerson()
    {
        var id = Id("19900110", 30);
        var org = await app.OrgIdAsync("第二党支部");
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => app.AsAsync<SavePerson.Handler, Result<long>>("partyadmin",
            (h, s) => h.Handle(new SavePerson.Command { Name = $"并发{i}", IdNumber = id, OrgId = org }, s))));
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.IdNumber == id)));
        Assert.Contains(results, r => r.Ok);
        Assert.Contains(results, r => r.Error?.Message == "该身份证号已登记");
    }
}
