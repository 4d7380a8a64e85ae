using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.People;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class PeopleTests(AppFactory app) : IClassFixture<AppFactory>
{
    static Dictionary<string, string> Form(long orgId, string name, string? idNumber = null) => new()
    {
        ["Input.Name"] = name, ["Input.OrgId"] = orgId.ToString(), ["Input.PartyStatus"] = "Full",
        ["Input.JoinedDate"] = "2015-07-01", ["Input.FullDate"] = "2016-07-01", ["Input.IdNumber"] = idNumber ?? "",
        ["Input.Gender"] = "Unknown",
    };

    [Fact]
    public async Task CreatedPerson_IsFoundByPinyinInitials()
    {
        var c = await app.ClientAsync("secretary2");
        var b2 = await app.OrgIdAsync("第二党支部");
        var r = await Html.PostFormAsync(c, "/People/Edit", "/People/Edit", Form(b2, "张三", "11010519491231002X"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var found = await c.GetFromJsonAsync<JsonElement>("/api/people?q=zs");
        var names = found.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("张三", names);
        Assert.All(names, n => Assert.StartsWith("张", n));
        var page = await c.GetStringAsync("/People?q=zs");
        Assert.Contains("张三", page);
        var saved = await app.WithDbAsync(db => db.People.SingleAsync(p => p.Name == "张三"));
        Assert.Equal(Gender.Female, saved.Gender);               // from the 17th digit (2: even)
        Assert.Equal(new DateOnly(1949, 12, 31), saved.BirthDate); // from the ID number
    }

    [Fact]
    public async Task BadIdNumber_ReshowsTheFormWithTheReason_AndSavesNothing()
    {
        var c = await app.ClientAsync("partyadmin");
        var b2 = await app.OrgIdAsync("第二党支部");
        var before = await app.WithDbAsync(db => db.People.CountAsync());
        var r = await Html.PostFormAsync(c, "/People/Edit", "/People/Edit", Form(b2, "李四", "110105194912310021"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("身份证号校验位错误", await r.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task List_FiltersBySubtreeAndRole_PagesAndSorts()
    {
        var c = await app.ClientAsync("admin");
        var committee = await app.OrgIdAsync("中共江州市政协机关委员会");
        var party = await c.GetFromJsonAsync<JsonElement>($"/api/people?orgId={committee}&role=party&pageSize=200");
        var expected = await app.WithDbAsync(db => db.People.CountAsync(p => p.PartyStatus != PartyStatus.None));
        Assert.Equal(expected, party.GetProperty("total").GetInt32());

        var standing = await c.GetFromJsonAsync<JsonElement>("/api/people?role=standing&pageSize=200");
        Assert.All(standing.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("isStandingCommittee").GetBoolean()));
        var nonCpc = await c.GetFromJsonAsync<JsonElement>("/api/people?role=non-cpc-cppcc&pageSize=200");
        var parties = nonCpc.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("affiliation").GetString()).Distinct().ToList();
        Assert.True(parties.Count >= 5);
        Assert.DoesNotContain("中共", parties);

        var page1 = await c.GetFromJsonAsync<JsonElement>("/api/people?page=1&pageSize=10");
        var page2 = await c.GetFromJsonAsync<JsonElement>("/api/people?page=2&pageSize=10");
        var ids1 = page1.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
        var ids2 = page2.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(10, ids1.Count);
        Assert.Empty(ids1.Intersect(ids2));

        var html = Html.Parse(await c.GetStringAsync("/People?sort=joined"));
        var dates = html.QuerySelectorAll("[data-testid=people] tbody tr td:nth-child(5)").Select(td => td.TextContent.Trim())
            .Where(t => t.Length > 0).ToList();
        Assert.Equal(dates.OrderBy(d => d, StringComparer.Ordinal).ToList(), dates);
    }

    [Fact]
    public async Task DualLife_ShowsOnThePersonAndInTheBranchFilter()
    {
        var c = await app.ClientAsync("admin");
        var functional = await app.OrgIdAsync("提案委员会功能型党支部");
        var list = await c.GetFromJsonAsync<JsonElement>($"/api/people?orgId={functional}&pageSize=200");
        Assert.Equal(5, list.GetProperty("total").GetInt32()); // 3 holding membership + 2 党员委员 in dual life
        var dualPerson = list.GetProperty("items").EnumerateArray().First(p => p.GetProperty("orgName").GetString() == "经济界别党支部");
        var page = Html.Parse(await c.GetStringAsync($"/People/Details/{dualPerson.GetProperty("id").GetInt64()}"));
        Assert.Contains("提案委员会功能型党支部", page.QuerySelector("[data-testid=dual-life]")!.TextContent);
    }

    [Fact]
    public async Task Export_IsARealXlsx_OfTheFilteredList()
    {
        var c = await app.ClientAsync("partyadmin");
        var b1 = await app.OrgIdAsync("第一党支部");
        var r = await c.GetAsync($"/People?handler=Export&orgId={b1}&role=full");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
        var rows = XlsxBuilder.Read(await r.Content.ReadAsStreamAsync());
        Assert.Equal(ExportRoster.Headers, rows[0]);
        var expected = await app.WithDbAsync(db => db.People.Where(p => p.OrgId == b1 && p.PartyStatus == PartyStatus.Full).Select(p => p.IdNumber).ToListAsync());
        Assert.Equal(expected.Count, rows.Count - 1);
        Assert.All(rows.Skip(1), row => Assert.Equal("正式党员", row[5]));
        Assert.Equal(expected.OrderBy(x => x), rows.Skip(1).Select(row => row[2]).OrderBy(x => x)); // party admin sees full IDs

        var leader = await app.ClientAsync("leader");
        var masked = XlsxBuilder.Read(await (await leader.GetAsync($"/People?handler=Export&orgId={b1}")).Content.ReadAsStreamAsync());
        Assert.All(masked.Skip(1), row => Assert.Contains("***", row[2]));
    }
}
