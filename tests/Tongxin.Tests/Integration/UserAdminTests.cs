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
    public async Task Admin_CreatesASecretary_WhoSeesOnlyTheirBranch()
    {
        var admin = await app.ClientAsync("admin");
        var retirees = await app.OrgIdAsync("离退休干部党支部");
        var r = await Html.PostFormAsync(admin, "/Admin/Users", "/Admin/Users", new()
        {
            ["Input.UserName"] = "secretary3", ["Input.DisplayName"] = "离退休支部书记", ["Input.Password"] = "Retire#2026",
            ["Input.Role"] = "BranchSecretary", ["Input.OrgId"] = retirees.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var c = await app.ClientAsync();
        var login = await c.PostAsJsonAsync("/api/auth/login", new { userName = "secretary3", password = "Retire#2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var people = await c.GetFromJsonAsync<JsonElement>("/api/people?pageSize=200");
        Assert.Equal(8, people.GetProperty("total").GetInt32());
        Assert.All(people.GetProperty("items").EnumerateArray(), p => Assert.Equal("离退休干部党支部", p.GetProperty("orgName").GetString()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "RoleAssignment" && a.UserName == "admin").CountAsync());
        Assert.True(audit >= 1);
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
    public async Task Reset_UnlocksALockedAccount_WithTheNewPassword()
    {
        var c = await app.ClientAsync();
        for (var i = 0; i < 5; i++) await c.PostAsJsonAsync("/api/auth/login", new { userName = "secretary2", password = "Wrong#2026x" });
        Assert.Equal((HttpStatusCode)423, (await c.PostAsJsonAsync("/api/auth/login", new { userName = "secretary2", password = AppFactory.DemoPassword })).StatusCode);

        var admin = await app.ClientAsync("admin");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "secretary2").Select(u => u.Id).SingleAsync());
        var r = await Html.PostFormAsync(admin, $"/Admin/User/{id}", $"/Admin/User/{id}?handler=Reset", new() { ["NewPassword"] = "Fresh#2026x" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsJsonAsync("/api/auth/login", new { userName = "secretary2", password = "Fresh#2026x" })).StatusCode);
    }
}
