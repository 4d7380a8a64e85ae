using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

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

    static async Task<HttpResponseMessage> LoginFrom(HttpClient c, string address, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = user, password }) };
        request.Headers.Add(AppFactory.ClientAddressHeader, address);
        return await c.SendAsync(request);
    }

    [Fact]
    public async Task FiveFailures_StopThatAddress_ButNobodyElse_AndTheAccountIsNotLocked()
    {
        var client = await app.ClientAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom(client, "10.1.1.1", "leader", "Wrong#2026x")).StatusCode);
        var blocked = await LoginFrom(client, "10.1.1.1", "leader", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("登录失败次数过多，请15分钟后再试", (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        // The leader at their own desk still signs in: an attacker cannot keep them out.
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom(await app.ClientAsync(), "10.2.2.2", "leader", AppFactory.DemoPassword)).StatusCode);
        Assert.Null(await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "leader").LockoutEnd)));
    }

    [Fact]
    public async Task AnAddressTryingManyAccounts_IsStopped()
    {
        var client = await app.ClientAsync();
        for (var i = 0; i < 20; i++) await LoginFrom(client, "10.3.3.3", $"nobody{i}", "Wrong#2026x");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginFrom(client, "10.3.3.3", "member1", AppFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom(await app.ClientAsync(), "10.4.4.4", "member1", AppFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownUser_AWrongPassword_AndALockedAccount_GetTheSameAnswer()
    {
        await app.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == "secretary2");
            u.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
            return await db.SaveChangesAsync();
        });
        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var (user, password) in new[] { ("nobody-here", "Wrong#2026x"), ("member1", "Wrong#2026x"), ("secretary2", AppFactory.DemoPassword) })
        {
            var r = await LoginFrom(await app.ClientAsync(), "10.5.5.5", user, password);
            answers.Add((r.StatusCode, (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()));
        }
        Assert.Single(answers.Distinct());
        Assert.Equal((HttpStatusCode.Unauthorized, "用户名或密码错误"), answers[0]);
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
        var c = await app.ClientAsync("partyadmin");
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
