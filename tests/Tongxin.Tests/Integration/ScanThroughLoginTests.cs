using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>A scan made before signing in on the phone is kept, signed, through the login: for ten minutes, while sign-in is open.</summary>
[Trait("Category", "Db")]
public class ScanThroughLoginTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<(long Id, byte[] Secret)> PlanAsync(DateTime startsUtc)
    {
        var scope = await app.ScopeOfAsync("secretary1");
        using var s = app.Services.CreateScope();
        var r = await s.ServiceProvider.GetRequiredService<PlanActivity.Handler>().Handle(new PlanActivity.Command
        {
            OrgId = await app.OrgIdAsync("第一党支部"), Type = ActivityType.ThemedPartyDay, Topic = "主题党日", Place = "活动室",
            StartsAt = startsUtc, EndsAt = startsUtc.AddHours(2),
        }, scope, "secretary1");
        return (r.Value, await app.WithDbAsync(db => db.Activities.Where(a => a.Id == r.Value).Select(a => a.SignInSecret).SingleAsync()));
    }

    string Ticket(string token, DateTime scannedAt, DateTimeOffset expires) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Tongxin.OrgLife.Scan.v1").ToTimeLimitedDataProtector()
            .Protect($"{token}|{scannedAt.Ticks}", expires);

    [Fact]
    public async Task AnAnonymousScan_GoesToTheLogin_CarryingASignedTicket()
    {
        var (id, secret) = await PlanAsync(DateTime.UtcNow.AddMinutes(-5));
        var token = SignInToken.Issue(id, secret, DateTimeOffset.UtcNow);
        var r = await (await app.ClientAsync()).GetAsync($"/s/{token}");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var location = Uri.UnescapeDataString(r.Headers.Location!.OriginalString);
        Assert.StartsWith($"/Account/Login?ReturnUrl=/s/{token}?scan=", location);
        // A forged code learns nothing and goes nowhere.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync()).GetAsync($"/s/{id}.1.AAAA")).StatusCode);
    }

    [Fact]
    public async Task AScanFiveMinutesOld_IsAcceptedAfterTheLogin_AtTheTimeOfTheScan_ButNotAfterTenMinutes()
    {
        var (id, secret) = await PlanAsync(DateTime.UtcNow.AddMinutes(-20));
        var scannedAt = DateTime.UtcNow.AddMinutes(-5);
        var token = SignInToken.Issue(id, secret, scannedAt); // long expired by now
        var c = await app.ClientAsync("member1");
        var stale = await Html.PostFormAsync(c, $"/s/{token}", $"/s/{token}", new() { ["Token"] = token });
        Assert.Contains("二维码已过期", await stale.Content.ReadAsStringAsync());

        var tooOld = Ticket(token, scannedAt, DateTimeOffset.UtcNow.AddSeconds(-1));
        var refused = await Html.PostFormAsync(c, $"/s/{token}", $"/s/{token}", new() { ["Token"] = token, ["Scan"] = tooOld });
        Assert.Contains("二维码已过期", await refused.Content.ReadAsStringAsync());

        var fresh = Ticket(token, scannedAt, DateTimeOffset.UtcNow.AddMinutes(5));
        var ok = await Html.PostFormAsync(c, $"/s/{token}?scan={Uri.EscapeDataString(fresh)}", $"/s/{token}", new() { ["Token"] = token, ["Scan"] = fresh });
        Assert.Contains("签到成功", await ok.Content.ReadAsStringAsync());
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        var at = await app.WithDbAsync(db => db.Attendees.Where(a => a.ActivityId == id && a.PersonId == member).Select(a => a.SignedInAt).SingleAsync());
        Assert.Equal(scannedAt, at!.Value, TimeSpan.FromSeconds(1));

        // Now the page says so at once.
        Assert.Contains("您已签到（", await c.GetStringAsync($"/s/{token}"));
    }

    [Fact]
    public async Task ATicketForAnotherCode_OrSomeoneNotExpected_IsRefused()
    {
        var (id, secret) = await PlanAsync(DateTime.UtcNow.AddMinutes(-5));
        var token = SignInToken.Issue(id, secret, DateTimeOffset.UtcNow);
        var ticket = Ticket("1.1.other", DateTime.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
        var c = await app.ClientAsync("member1");
        // A ticket made for another code is ignored: the token is checked now, and it is current, so this signs in normally.
        var r = await Html.PostFormAsync(c, $"/s/{token}", $"/s/{token}", new() { ["Token"] = token, ["Scan"] = ticket });
        Assert.Contains("签到成功", await r.Content.ReadAsStringAsync());
        // secretary2 is not expected: the forwarded link does not help.
        var other = await app.ClientAsync("secretary2");
        var own = Ticket(token, DateTime.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
        var denied = await other.GetAsync($"/s/{token}?scan={Uri.EscapeDataString(own)}");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.DoesNotContain("主题党日", await denied.Content.ReadAsStringAsync());
    }
}
