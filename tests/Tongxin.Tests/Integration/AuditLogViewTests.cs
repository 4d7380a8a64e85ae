using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Audit;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>The audit log is readable (issue 12 point 7): Chinese names, field: before → after, filters, export; reading it is audited.</summary>
[Trait("Category", "Db")]
public class AuditLogViewTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<long> ChangeTermStartAsync()
    {
        var c = await app.ClientAsync("partyadmin");
        var b2 = await app.OrgIdAsync("第二党支部");
        var version = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == b2).Select(o => o.Version).SingleAsync());
        var r = await Html.PostFormAsync(c, $"/Organizations/Edit/{b2}", $"/Organizations/Edit/{b2}", new()
        {
            ["Input.Id"] = b2.ToString(), ["Input.Version"] = version.ToString(), ["Input.Name"] = "第二党支部", ["Input.Type"] = "OrganBranch", ["Input.TermStart"] = "2026-10-08",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return b2;
    }

    [Fact]
    public async Task AChangeReadsAsFieldBeforeAfterInChinese_InTheUnitsTime_AndTheReadingIsItselfAudited()
    {
        var b2 = await ChangeTermStartAsync();
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Organization" && a.EntityId == b2.ToString()).OrderByDescending(a => a.Id).FirstAsync());
        var auditor = await app.ClientAsync("auditor");
        var page = Html.Parse(await auditor.GetStringAsync("/Audit?entity=Organization&user=partyadmin"));
        var row = page.QuerySelectorAll("[data-testid=audit] tbody tr").First(r => r.QuerySelector("td")!.TextContent == entry.Id.ToString());
        var text = row.TextContent;
        Assert.Contains("修改", text);
        Assert.Contains($"组织 #{b2}", text);
        Assert.Contains(Clock.ToLocal(entry.At).ToString("yyyy-MM-dd HH:mm:ss"), text);
        var change = row.QuerySelectorAll("[data-testid=changes] li").Single(li => li.TextContent.StartsWith("本届开始日期"));
        Assert.Equal("2023-12-20", change.QuerySelector("del")!.TextContent);
        Assert.Equal("2026-10-08", change.QuerySelector("ins")!.TextContent);
        Assert.DoesNotContain("{\"", page.QuerySelector("[data-testid=audit]")!.InnerHtml);
        Assert.DoesNotContain("TermStart", page.QuerySelector("[data-testid=audit]")!.TextContent);

        var view = await app.WithDbAsync(db => db.AuditLogAccesses.Where(a => a.UserName == "auditor").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("View", view.Action);
        Assert.Equal("操作人：partyadmin；对象类型：组织", view.Filter);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AuditLogAccess) && a.EntityId == view.Id.ToString() && a.UserName == "auditor")));
    }

    [Fact]
    public async Task TheDateRangeUserAndTypeFilter_AndTheExportHoldsTheSameReadableChange()
    {
        var b2 = await ChangeTermStartAsync();
        var auditor = await app.ClientAsync("auditor");
        var tomorrow = Clock.Today.AddDays(1).ToString("yyyy-MM-dd");
        var today = Clock.Today.ToString("yyyy-MM-dd");
        Assert.Empty(Html.Parse(await auditor.GetStringAsync($"/Audit?from={tomorrow}")).QuerySelectorAll("[data-testid=audit] tbody tr"));
        Assert.Empty(Html.Parse(await auditor.GetStringAsync("/Audit?user=nobody")).QuerySelectorAll("[data-testid=audit] tbody tr"));
        var rows = Html.Parse(await auditor.GetStringAsync($"/Audit?from={today}&to={today}&entity=Organization")).QuerySelectorAll("[data-testid=audit] tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Organization", r.GetAttribute("data-type")));

        var xlsx = await auditor.GetAsync($"/Audit?handler=Xlsx&entity=Organization&from={today}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var xml = await XlsxText.OfAsync(xlsx);
        Assert.Contains("本届开始日期：2023-12-20 → 2026-10-08", xml);
        Assert.Contains($"#{b2}".TrimStart('#'), xml);
        var export = await app.WithDbAsync(db => db.AuditLogAccesses.Where(a => a.UserName == "auditor" && a.Action == "Export").ToListAsync());
        Assert.Equal($"起始日期：{today}；对象类型：组织", Assert.Single(export).Filter);

        foreach (var user in new[] { "admin", "partyadmin", "security" })
        {
            var c = await app.ClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync("/Audit?handler=Xlsx")).StatusCode);
        }
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AuditLogAccesses.Select(a => a.UserName).ToListAsync()), u => u != "auditor");
    }

    [Fact]
    public async Task ASecondFactorKeyNeverReachesTheLog()
    {
        var c = await app.ClientAsync("secretary2");
        var page = Html.Parse(await c.GetStringAsync("/Account/TwoFactor"));
        var key = page.QuerySelector("[data-testid=totp-key]")!.TextContent.Trim();
        Assert.True(key.Length >= 16);
        var tokens = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType.StartsWith("IdentityUserToken")).Select(a => a.After).ToListAsync());
        Assert.NotEmpty(tokens);
        Assert.All(tokens, after => Assert.Contains("\"Value\":\"***\"", after));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AuditEntries.Select(a => a.After ?? "").ToListAsync()), after => after.Contains(key.Replace(" ", "")));
    }

    [Fact]
    public async Task FarDatesBoundNothing_AndVerifyingIsARecordedReading()
    {
        var auditor = await app.ClientAsync("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit?to=9999-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit?handler=Xlsx&to=9999-12-31&from=0001-01-01")).StatusCode);
        var before = await app.WithDbAsync(db => db.AuditLogAccesses.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await Html.PostFormAsync(auditor, "/Audit", "/Audit?handler=Verify", new())).StatusCode);
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.AuditLogAccesses.CountAsync())); // the page read, then the verification's page
    }
}
