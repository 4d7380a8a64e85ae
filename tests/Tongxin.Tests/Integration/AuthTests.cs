using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongxin.Tests.Support;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class AuthTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Login_WithRightPassword_SetsCookie_AndOpensTheDashboard()
    {
        var client = await app.ClientAsync("secretary1");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("工作台", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WithWrongPassword_Is401ProblemInChinese()
    {
        var client = await app.ClientAsync();
        var r = await client.PostAsJsonAsync("/api/auth/login", new { userName = "secretary2", password = "Wrong#2026x" });
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("用户名或密码错误", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var client = await app.ClientAsync();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/login", new { userName = "leader", password = "Wrong#2026x" });
        var r = await client.PostAsJsonAsync("/api/auth/login", new { userName = "leader", password = AppFactory.DemoPassword });
        Assert.Equal((HttpStatusCode)423, r.StatusCode);
        var lockoutEnd = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "leader").LockoutEnd));
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task LoginPage_WrongPassword_ReshowsWithChineseMessage()
    {
        var client = await app.ClientAsync();
        var page = await client.GetStringAsync("/Account/Login");
        var token = Html.AntiForgery(page);
        var r = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "member1", ["Input.Password"] = "nope", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("用户名或密码错误", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_PageRedirectsToLogin_ApiAnswers401()
    {
        var client = await app.ClientAsync();
        var page = await client.GetAsync("/People");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
        var api = await client.GetAsync("/api/people");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AuthCookie_ExpiresAfterThirtyIdleMinutes()
    {
        var client = await app.ClientAsync();
        var r = await client.PostAsJsonAsync("/api/auth/login", new { userName = "partyadmin", password = AppFactory.DemoPassword });
        var cookie = r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tongxin.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var client = await app.ClientAsync();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/people/{id}", doc);
        Assert.Contains("/api/auth/login", doc);
        Assert.Contains("/api/orgs", doc);
    }
}

[Trait("Category", "Db")]
public class LanguageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ChineseByDefault_EnglishOnRequest_AndTheChoiceSticks()
    {
        var c = await app.ClientAsync("admin");
        var zh = await c.GetStringAsync("/Organizations");
        Assert.Contains("<html lang=\"zh-CN\">", zh);
        Assert.Contains("组织架构", zh);
        var en = await c.GetStringAsync("/Organizations?culture=en&ui-culture=en");
        Assert.Contains("Expand all", en);
        Assert.Contains("Organisations", en);
        Assert.DoesNotContain("全部展开", en);
        var later = await c.GetStringAsync("/People");
        Assert.Contains("Export to Excel", later);
        Assert.Contains("<html lang=\"en\">", later);
    }
}
