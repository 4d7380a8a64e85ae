using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Tongxin.Tests.Support;

namespace Tongxin.Tests.Integration;

/// <summary>The app with the two-factor requirement on, as a real deployment runs.</summary>
public sealed class EnforcedTwoFactorApp : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tongxin:Auth:RequireTwoFactor", "true");
    }
}

/// <summary>三员 must sign in with TOTP; everyone may; the API takes the code; recovery codes work once. Codes come from Otp.NET, not from us.</summary>
[Trait("Category", "Db")]
public class TwoFactorTests(EnforcedTwoFactorApp app) : IClassFixture<EnforcedTwoFactorApp>
{
    static async Task<HttpResponseMessage> ApiLogin(HttpClient c, string user, string? code = null) =>
        await c.PostAsJsonAsync("/api/auth/login", new { userName = user, password = AppFactory.PasswordOf(user), code });

    static async Task<HttpClient> BrowserSignInAsync(AppFactory app, string user)
    {
        var c = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var r = await Html.PostFormAsync(c, "/Account/Login", "/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = AppFactory.PasswordOf(user) });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return c;
    }

    [Fact]
    public async Task TheSystemAdmin_MustEnrol_ThenSignsInWithACode_OnThePageAndTheApi()
    {
        // Password alone: the API refuses, the browser is held on the enrolment page.
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiLogin(app.CreateClient(), "admin")).StatusCode);
        var c = await BrowserSignInAsync(app, "admin");
        var held = await c.GetAsync("/Admin/Users");
        Assert.Equal("/Account/TwoFactor", held.Headers.Location!.OriginalString);

        var page = Html.Parse(await c.GetStringAsync("/Account/TwoFactor"));
        var key = page.QuerySelector("[data-testid=totp-key]")!.TextContent.Trim();
        Assert.NotNull(page.QuerySelector("[data-testid=totp-qr] svg"));
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var wrong = await Html.PostFormAsync(c, "/Account/TwoFactor", "/Account/TwoFactor?handler=Enable", new() { ["Code"] = "000000" == totp.ComputeTotp() ? "111111" : "000000" });
        Assert.Contains("动态验证码错误", await wrong.Content.ReadAsStringAsync());
        var enabled = await Html.PostFormAsync(c, "/Account/TwoFactor", "/Account/TwoFactor?handler=Enable", new() { ["Code"] = totp.ComputeTotp() });
        var codes = Html.Parse(await enabled.Content.ReadAsStringAsync()).QuerySelector("[data-testid=recovery-codes] pre")!.TextContent
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(10, codes.Length);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Admin/Users")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.TwoFactorEnabled).SingleAsync()));

        // API: the password alone asks for the code; a wrong code is refused; the right one signs in.
        var noCode = await ApiLogin(app.CreateClient(), "admin");
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.True((await noCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needsCode").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLogin(app.CreateClient(), "admin", "123456" == totp.ComputeTotp() ? "654321" : "123456")).StatusCode);
        var api = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ApiLogin(api, "admin", totp.ComputeTotp())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/people")).StatusCode);

        // A recovery code works once.
        Assert.Equal(HttpStatusCode.OK, (await ApiLogin(app.CreateClient(), "admin", codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLogin(app.CreateClient(), "admin", codes[0])).StatusCode);

        // The login page asks for the code after the password.
        var b = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var step1 = await Html.PostFormAsync(b, "/Account/Login", "/Account/Login", new() { ["Input.UserName"] = "admin", ["Input.Password"] = AppFactory.AdminPassword });
        var step1Html = await step1.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"code-form\"", step1Html);
        Assert.Equal(HttpStatusCode.Redirect, (await b.GetAsync("/People")).StatusCode); // not signed in yet
        var token = Html.AntiForgery(step1Html);
        var step2 = await b.PostAsync("/Account/Login?handler=Code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = totp.ComputeTotp(), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task AMember_IsNotRequired_ButMayTurnItOn()
    {
        Assert.Equal(HttpStatusCode.OK, (await ApiLogin(app.CreateClient(), "member1")).StatusCode);
        var c = await BrowserSignInAsync(app, "member1");
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Appraisal/Mine")).StatusCode);
        var key = Html.Parse(await c.GetStringAsync("/Account/TwoFactor")).QuerySelector("[data-testid=totp-key]")!.TextContent.Trim();
        await Html.PostFormAsync(c, "/Account/TwoFactor", "/Account/TwoFactor?handler=Enable", new() { ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() });
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLogin(app.CreateClient(), "member1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiLogin(app.CreateClient(), "member1", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp())).StatusCode);
    }
}
