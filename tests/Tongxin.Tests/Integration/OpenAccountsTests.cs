using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Tests.Integration;

/// <summary>批量开通账号 (issue 12 point 4): many roster people at once, passwords shown once, each forced to change; all or nothing.</summary>
[Trait("Category", "Db")]
public class OpenAccountsTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<HttpResponseMessage> OpenAsync(HttpClient c, long orgId, IEnumerable<long> people, string format)
    {
        var page = await c.GetStringAsync($"/Admin/OpenAccounts?orgId={orgId}");
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Html.AntiForgery(page)), new("format", format) };
        form.AddRange(people.Select(p => new KeyValuePair<string, string>("PersonIds", p.ToString())));
        return await c.PostAsync($"/Admin/OpenAccounts?orgId={orgId}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task TheSecurityAdministratorOpensABranchAtOnce_ThePasswordsShowOnce_AndEachMustBeChanged()
    {
        var retirees = await app.OrgIdAsync("离退休干部党支部");
        var people = await app.WithDbAsync(db => db.People.Where(p => p.OrgId == retirees).Select(p => p.Id).ToListAsync());
        Assert.Equal(8, people.Count);
        var security = await app.ClientAsync("security");
        var listed = Html.Parse(await security.GetStringAsync($"/Admin/OpenAccounts?orgId={retirees}")).QuerySelectorAll("[data-testid=candidates] input[name=PersonIds]");
        Assert.Equal(people.Order(), listed.Select(i => long.Parse(i.GetAttribute("value")!)).Order());

        var r = await OpenAsync(security, retirees, people, "sheet");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("no-store", r.Headers.CacheControl!.ToString());
        var rows = Html.Parse(await r.Content.ReadAsStringAsync()).QuerySelectorAll("[data-testid=opened] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(8, rows.Select(x => x[2]).Distinct().Count());
        var accounts = await app.WithDbAsync(db => (from u in db.Users where people.Contains(u.PersonId!.Value)
                                                    join g in db.RoleAssignments on u.Id equals g.UserId
                                                    select new { u.UserName, u.MustChangePassword, g.Role, g.OrgId, u.PasswordHash }).ToListAsync());
        Assert.Equal(8, accounts.Count);
        Assert.All(accounts, a => Assert.Equal((true, Roles.Member, retirees), (a.MustChangePassword, a.Role, a.OrgId)));
        Assert.All(rows, x => Assert.DoesNotContain(x[3], string.Join("", accounts.Select(a => a.PasswordHash))));
        Assert.All(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.UserName == "security").Select(a => a.After!).ToListAsync()),
            after => Assert.DoesNotContain(rows[0][3], after));

        // The printed password signs in once, to the password page only; the API will not take it.
        var (user, password) = (rows[0][2], rows[0][3]);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync()).PostAsJsonAsync("/api/auth/login", new { userName = user, password })).StatusCode);
        var c = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(c, "/Account/Login", "/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = password })).StatusCode);
        Assert.Equal("/Account/Password", (await c.GetAsync("/")).Headers.Location!.OriginalString);
        // Signed in on the web with the one-time password, the API still answers nothing.
        foreach (var api in new[] { "/api/people", "/api/orgs", "/api/orglife/mine" })
            Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync(api)).StatusCode);

        // Again for the same people: refused with a name, nothing made.
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var again = await OpenAsync(security, retirees, people, "sheet");
        Assert.Contains("已有账号", await again.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task TheSheetAsASpreadsheet_AndOnlyTheSecurityAdministratorMayOpenAccounts()
    {
        var functional = await app.OrgIdAsync("提案委员会功能型党支部");
        var people = await app.WithDbAsync(db => db.People.Where(p => p.OrgId == functional && !db.Users.Any(u => u.PersonId == p.Id)).Select(p => p.Id).ToListAsync());
        foreach (var user in new[] { "admin", "partyadmin", "secretary1", "auditor" })
        {
            var c = await app.ClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync($"/Admin/OpenAccounts?orgId={functional}")).StatusCode);
        }
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => people.Contains(u.PersonId!.Value))));

        var xlsx = await OpenAsync(await app.ClientAsync("security"), functional, people, "xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var xml = await XlsxText.OfAsync(xlsx);
        var names = await app.WithDbAsync(db => db.Users.Where(u => people.Contains(u.PersonId!.Value)).Select(u => u.UserName!).ToListAsync());
        Assert.Equal(people.Count, names.Count);
        Assert.All(names, n => Assert.Contains(n, xml));
        Assert.Contains("一次性密码", xml);
    }

    [Fact]
    public async Task TwoBatchesAtOnceOpenOneAccountPerPerson_AndAGarbledSelectionOpensNothing()
    {
        var sector = await app.OrgIdAsync("经济界别党支部");
        var people = await app.WithDbAsync(db => db.People.Where(p => p.OrgId == sector && !db.Users.Any(u => u.PersonId == p.Id)).Select(p => p.Id).ToListAsync());
        Assert.NotEmpty(people);
        var security = await app.ClientAsync("security");
        var page = await security.GetStringAsync($"/Admin/OpenAccounts?orgId={sector}");
        var garbled = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Html.AntiForgery(page)), new("format", "sheet"), new("PersonIds", "abc"), new("PersonIds", people[0].ToString()) };
        var refused = await security.PostAsync($"/Admin/OpenAccounts?orgId={sector}", new FormUrlEncodedContent(garbled));
        Assert.Contains("所选人员无效", await refused.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.PersonId == people[0])));

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            app.AsAsync<Tongxin.Web.Features.Admin.OpenAccounts.Handler, Tongxin.Web.Shared.Result<IReadOnlyList<Tongxin.Web.Features.Admin.OpenAccounts.Opened>>>("security", (h, s) => h.Handle(people, s))));
        Assert.Single(results, r => r.Ok);
        var counts = await app.WithDbAsync(db => db.Users.Where(u => people.Contains(u.PersonId!.Value)).GroupBy(u => u.PersonId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(people.Count, counts.Count);
        Assert.All(counts, n => Assert.Equal(1, n));
    }
}
