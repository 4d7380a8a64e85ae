using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class UserAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheSecurityAdmin_CreatesASecretary_WhoSeesOnlyTheirBranch_TheSystemAdminMayNot()
    {
        var retirees = await app.OrgIdAsync("离退休干部党支部");
        Dictionary<string, string> Form() => new()
        {
            ["Input.UserName"] = "secretary3", ["Input.DisplayName"] = "离退休支部书记", ["Input.Password"] = "Retire#2026",
            ["Input.Role"] = "BranchSecretary", ["Input.OrgId"] = retirees.ToString(),
        };
        // A secretary reads ID numbers: the system administrator cannot make one (三员分立).
        var byAdmin = await Html.PostFormAsync(await app.ClientAsync("admin"), "/Admin/Users", "/Admin/Users", Form());
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "secretary3")));
        var r = await Html.PostFormAsync(await app.ClientAsync("security"), "/Admin/Users", "/Admin/Users", Form());
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        // The password the administrator typed is replaced at the first sign-in, before anything else.
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "secretary3").Select(u => u.MustChangePassword).SingleAsync()));
        var c = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await c.PostAsJsonAsync("/api/auth/login", new { userName = "secretary3", password = "Retire#2026" })).StatusCode);
        await Html.PostFormAsync(c, "/Account/Login", "/Account/Login", new() { ["Input.UserName"] = "secretary3", ["Input.Password"] = "Retire#2026" });
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(c, "/Account/Password", "/Account/Password", new()
        {
            ["Input.Current"] = "Retire#2026", ["Input.New"] = "Retire#2026new", ["Input.Repeat"] = "Retire#2026new",
        })).StatusCode);
        var login = await c.PostAsJsonAsync("/api/auth/login", new { userName = "secretary3", password = "Retire#2026new" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var people = await c.GetFromJsonAsync<JsonElement>("/api/people?pageSize=200");
        Assert.Equal(8, people.GetProperty("total").GetInt32());
        Assert.All(people.GetProperty("items").EnumerateArray(), p => Assert.Equal("离退休干部党支部", p.GetProperty("orgName").GetString()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "RoleAssignment" && a.UserName == "security").CountAsync());
        Assert.True(audit >= 1);
    }

    [Fact]
    public async Task TheSecurityAdminFindsThePersonByPinyinInitials_AndLinksTheAccountByChoosingThem()
    {
        var b2 = await app.OrgIdAsync("第二党支部");
        var person = await app.WithDbAsync(db => db.People.Where(p => p.OrgId == b2 && p.IdNumber != null && !db.Users.Any(u => u.PersonId == p.Id)).OrderBy(p => p.Id).FirstAsync());
        var security = await app.ClientAsync("security");
        var page = Html.Parse(await security.GetStringAsync($"/Admin/Users?find={Uri.EscapeDataString(person.NameInitials.ToLowerInvariant())}"));
        var option = page.QuerySelectorAll("[data-testid=person-choice] option").FirstOrDefault(o => o.GetAttribute("value") == person.Id.ToString());
        Assert.True(option is not null, $"{person.Name} {person.NameInitials}: " + string.Join(" | ", page.QuerySelectorAll("[data-testid=person-choice] option").Select(o => o.TextContent)));
        Assert.Contains(person.Name, option!.TextContent);
        Assert.DoesNotContain(person.IdNumber!, page.DocumentElement.OuterHtml); // masked, never the full number
        Assert.Contains(Tongxin.Web.Shared.IdNumber.Mask(person.IdNumber), option.TextContent);

        var fields = Html.FormFields(page, "form[method=post]");
        (fields["Input.UserName"], fields["Input.DisplayName"], fields["Input.Password"]) = ("linked1", person.Name, "Linked#2026x");
        (fields["Input.Role"], fields["Input.OrgId"], fields["Input.PersonId"]) = ("Member", person.OrgId.ToString(), person.Id.ToString());
        var created = await security.PostAsync("/Admin/Users", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(person.Id, await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "linked1").Select(u => u.PersonId).SingleAsync()));

        // Now they have an account: offered no more. The system administrator gets no person picker at all.
        var again = Html.Parse(await security.GetStringAsync($"/Admin/Users?find={Uri.EscapeDataString(person.Name)}"));
        Assert.NotNull(again.QuerySelector($"[data-testid=person-choice] option[value='{person.Id}'][disabled]"));
        var admin = Html.Parse(await (await app.ClientAsync("admin")).GetStringAsync($"/Admin/Users?find={Uri.EscapeDataString(person.Name)}"));
        Assert.Null(admin.QuerySelector("[data-testid=person-choice]"));
        Assert.DoesNotContain(person.Name, admin.QuerySelector("main form[method=post]")!.OuterHtml);
    }

    [Fact]
    public async Task WeakPassword_IsRefusedInChinese()
    {
        var admin = await app.ClientAsync("admin");
        var r = await Html.PostFormAsync(admin, "/Admin/Users", "/Admin/Users", new()
        {
            ["Input.UserName"] = "weak", ["Input.DisplayName"] = "弱密码", ["Input.Password"] = "password1",
            ["Input.Role"] = "Leader", ["Input.OrgId"] = (await app.OrgIdAsync("第一党支部")).ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("至少三类", await r.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "weak")));
    }

    [Fact]
    public async Task OnlyTheSystemAdminManagesAccounts_AndNotTheOtherAdministrators()
    {
        foreach (var user in new[] { "partyadmin", "secretary1", "leader", "member1", "auditor" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(user)).GetAsync("/Admin/Users")).StatusCode);
        var admin = await app.ClientAsync("admin");
        var auditorId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "auditor").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/User/{auditorId}")).StatusCode);
        Assert.DoesNotContain(">auditor<", await admin.GetStringAsync("/Admin/Users"));
    }

    [Fact]
    public async Task AReset_GivesAOneTimePassword_ThatMustBeChangedAtTheNextSignIn()
    {
        var admin = await app.ClientAsync("admin");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "secretary2").Select(u => u.Id).SingleAsync());
        var r = await Html.PostFormAsync(admin, $"/Admin/User/{id}", $"/Admin/User/{id}?handler=Reset", new());
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var flash = await admin.GetStringAsync($"/Admin/User/{id}");
        var oneTime = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(flash, "一次性密码：(\\S+?)（").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(oneTime));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.MustChangePassword).SingleAsync()));
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == id && a.UserName == "admin").Select(a => a.After).ToListAsync()),
            after => after!.Contains("\"MustChangePassword\":true"));

        // The API will not take it; the browser goes to the password page first, and nowhere else.
        var c = await app.ClientAsync();
        var api = await c.PostAsJsonAsync("/api/auth/login", new { userName = "secretary2", password = oneTime });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var login = await Html.PostFormAsync(c, "/Account/Login", "/Account/Login", new() { ["Input.UserName"] = "secretary2", ["Input.Password"] = oneTime });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var people = await c.GetAsync("/People");
        Assert.Equal("/Account/Password", people.Headers.Location!.OriginalString);
        var changed = await Html.PostFormAsync(c, "/Account/Password", "/Account/Password", new()
        {
            ["Input.Current"] = oneTime, ["Input.New"] = "Mine#2026xyz", ["Input.Repeat"] = "Mine#2026xyz",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/People")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync()).PostAsJsonAsync("/api/auth/login", new { userName = "secretary2", password = "Mine#2026xyz" })).StatusCode);
    }
}
