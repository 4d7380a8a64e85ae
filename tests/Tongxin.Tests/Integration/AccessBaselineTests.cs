using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Content;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>Drafts stay their author's, forms echo no names out of scope, signing out works, content carries no script.</summary>
[Trait("Category", "Db")]
public class AccessBaselineTests(AppFactory app) : IClassFixture<AppFactory>
{
    static void Denied(HttpResponseMessage r) =>
        Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"expected 403/404, got {(int)r.StatusCode}");

    [Fact]
    public async Task AProposalDraft_IsItsAuthorsAlone_UntilSubmitted()
    {
        var cosigner = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "weiyuan2").Select(u => u.PersonId!.Value).SingleAsync());
        var draft = await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1",
            (h, s) => h.Handle(null, new("关于草稿保密的提案", "草稿内容尚未写完", [cosigner]), false, s, DateTime.UtcNow));
        Assert.True(draft.Ok, draft.Error?.Message);
        var id = draft.Value;

        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("weiyuan1")).GetAsync($"/Proposals/Details/{id}")).StatusCode);
        foreach (var user in new[] { "office", "leader", "weiyuan2" })
        {
            var c = await app.ClientAsync(user);
            var r = await c.GetAsync($"/Proposals/Details/{id}");
            Denied(r);
            Assert.DoesNotContain("关于草稿保密的提案", await r.Content.ReadAsStringAsync());
            Assert.DoesNotContain("关于草稿保密的提案", await c.GetStringAsync("/Proposals"));
        }
        // The named co-signer cannot confirm a draft; the office cannot register it.
        Assert.Equal(ErrorKind.NotFound, (await app.AsAsync<ConfirmCosign.Handler, Result<bool>>("weiyuan2", (h, s) => h.Handle(id, true, s, DateTime.UtcNow))).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office",
            (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow))).Error!.Kind);
        Assert.Null(await app.WithDbAsync(db => db.ProposalSigners.Where(x => x.ProposalId == id && x.PersonId == cosigner).Select(x => x.ConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task ThePlanForm_NamesNoPostedAttendeeOutsideThePlannersScope()
    {
        var b1Person = await app.PersonInAsync("第一党支部");
        var b2 = await app.OrgIdAsync("第二党支部");
        var c = await app.ClientAsync("secretary2");
        var r = await Html.PostFormAsync(c, "/OrgLife/Plan", "/OrgLife/Plan", new Dictionary<string, string>
        {
            ["Input.OrgId"] = b2.ToString(), ["Input.Type"] = "CommitteeMeeting", ["Input.Topic"] = "", ["Input.Place"] = "",
            ["Input.StartsAt"] = "2030-01-01T15:00", ["Input.EndsAt"] = "2030-01-01T17:00", ["Input.Adjusted"] = "true",
            ["Input.AttendeeIds"] = b1Person.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.DoesNotContain(b1Person.Name, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOrganisationForm_NamesNoParentOutsideTheUsersScope()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var b1Name = "第一党支部";
        // member1 sits in the first branch: they try the second's.
        var b2 = await app.OrgIdAsync("第二党支部");
        var c = await app.ClientAsync("member1");
        var r = await Html.PostFormAsync(c, "/Appraisal/Mine", "/Organizations/Edit", new Dictionary<string, string> { ["Input.ParentId"] = b2.ToString(), ["Input.Name"] = "" });
        Denied(r);
        Assert.DoesNotContain("第二党支部", await r.Content.ReadAsStringAsync());
        // secretary2 may edit their own branch but not see the first's name through the form.
        var s2 = await app.ClientAsync("secretary2");
        var r2 = await Html.PostFormAsync(s2, "/People", "/Organizations/Edit", new Dictionary<string, string> { ["Input.ParentId"] = b1.ToString(), ["Input.Name"] = "" });
        Assert.DoesNotContain(b1Name + "</", await r2.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        var c = await app.ClientAsync("member1");
        var home = await c.GetStringAsync("/Appraisal/Mine");
        var form = Html.Parse(home).QuerySelector("form[action='/Account/Logout']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the sign-out form carries no antiforgery token");
        var r = await c.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token! }));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var after = await c.GetAsync("/People");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[点我](JaVaScRiPt:alert(1))")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<vbscript:msgbox(1)>")]
    public void Markdown_RendersNoScriptLinks(string markdown)
    {
        var links = Html.Parse(SafeMarkdown.ToHtml(markdown)).QuerySelectorAll("[href],[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")).ToList();
        Assert.All(links, l => Assert.Matches("^(https?:|mailto:|/|#|[^:]*$)", l!));
        Assert.True(RecordActivity.ContainsHtml(markdown), "the minutes form should refuse it too");
    }

    [Theory]
    [InlineData("[文件](https://example.org/a)", "href=\"https://example.org/a\"")]
    [InlineData("<https://example.org/b>", "href=\"https://example.org/b\"")]
    [InlineData("[附件](/OrgLife/Activity/1)", "href=\"/OrgLife/Activity/1\"")]
    [InlineData("<mailto:a@example.org>", "href=\"mailto:a@example.org\"")]
    public void Markdown_KeepsOrdinaryLinks(string markdown, string expected)
    {
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown));
        Assert.False(RecordActivity.ContainsHtml(markdown));
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        var c = await app.ClientAsync();
        var r = await c.GetAsync("/Account/Login");
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline';", csp.Split("script-src")[1].Split(';')[0] + ";");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(r.Headers.Contains("Referrer-Policy"));
        // Plain HTTP (an intranet without TLS) gets no HSTS; the auth cookie is HttpOnly.
        Assert.False(r.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindATrustedProxy_CookiesAreSecureAndTheHostIsThePublicOne()
    {
        using var proxied = app.WithWebHostBuilder(b => b.UseSetting("Tongxin:Proxy:KnownNetworks", "127.0.0.0/8,::1/128"));
        var c = proxied.CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "dj.example.gov.cn");
        var r = await c.SendAsync(request);
        Assert.True(r.Headers.Contains("Strict-Transport-Security"));
        Assert.All(r.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
