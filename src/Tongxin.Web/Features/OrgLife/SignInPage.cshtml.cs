using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>
/// Where the QR code leads: a phone-sized page that confirms the sign-in. A member who must first sign in on the phone
/// keeps the scan: its time travels signed through the login (a time-limited data-protection ticket) and is accepted
/// while the activity's sign-in window is open, up to <see cref="ScanKeptFor"/> after the scan.
/// </summary>
[AllowAnonymous]
public class SignInPageModel(AppDbContext db, IDataProtectionProvider dataProtection) : AppPage
{
    public static readonly TimeSpan ScanKeptFor = TimeSpan.FromMinutes(10);

    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    /// <summary>The signed scan, when the member came through the login.</summary>
    [BindProperty(SupportsGet = true)] public string? Scan { get; set; }
    public Activity? Activity { get; private set; }
    public string? Problem { get; private set; }
    public SignIn.Done? Done { get; private set; }
    /// <summary>When the member had already signed in before this scan.</summary>
    public DateTime? SignedInBefore { get; private set; }

    ITimeLimitedDataProtector Tickets => dataProtection.CreateProtector("Tongxin.OrgLife.Scan.v1").ToTimeLimitedDataProtector();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = SignInToken.ActivityIdOf(Token);
        var activity = id is null ? null : await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var verdict = activity is null ? SignInToken.Verdict.Forged : SignInToken.Check(Token, activity.Id, activity.SignInSecret, DateTimeOffset.UtcNow);
        if (verdict == SignInToken.Verdict.Forged) return Refuse(StatusCodes.Status404NotFound, "二维码无效");
        if (User.Identity?.IsAuthenticated != true)
        {
            // Not signed in on this phone: keep the scan (token and time, signed) through the login.
            if (verdict != SignInToken.Verdict.Valid) return Refuse(StatusCodes.Status400BadRequest, "二维码已过期，请扫描屏幕上最新的二维码");
            var ticket = Tickets.Protect($"{Token}|{DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)}", ScanKeptFor);
            return Redirect($"/Account/Login?ReturnUrl={Uri.EscapeDataString($"/s/{Token}?scan={ticket}")}");
        }
        // Only the expected attendees learn what the activity is.
        var me = Scope.PersonId is { } pid ? await db.Attendees.AsNoTracking().FirstOrDefaultAsync(a => a.ActivityId == id && a.PersonId == pid, ct) : null;
        if (me is null) return Refuse(StatusCodes.Status403Forbidden, "您不在本次活动的应参加人员中");
        Activity = activity;
        SignedInBefore = me.SignedInAt;
        if (SignedInBefore is null && verdict == SignInToken.Verdict.Expired && ScannedAt() is null)
            Problem = "二维码已过期，请扫描屏幕上最新的二维码";
        return Page();
    }

    IActionResult Refuse(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The time of the scan the member brought through the login, if the ticket is genuine, for this token and fresh.</summary>
    DateTime? ScannedAt()
    {
        if (string.IsNullOrEmpty(Scan)) return null;
        try
        {
            var parts = Tickets.Unprotect(Scan).Split('|');
            return parts.Length == 2 && parts[0] == Token && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks)
                ? new DateTime(ticks, DateTimeKind.Utc) : null;
        }
        catch (CryptographicException) { return null; } // forged or older than ScanKeptFor
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SignInQueue queue, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var now = DateTime.UtcNow;
        var at = now;
        if (ScannedAt() is { } scanned)
        {
            var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == SignInToken.ActivityIdOf(Token), ct);
            if (activity is null || !activity.SignInOpen(now)) return Refuse(StatusCodes.Status400BadRequest, "不在签到时间内（活动开始前30分钟至结束）");
            at = scanned; // the member was there when they scanned
        }
        var result = await queue.SignInAsync(Token, User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!, at, ct);
        if (!result.Ok) return Refuse(result.Error!.StatusCode, result.Error.Message);
        Done = result.Value;
        Activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Done!.ActivityId, ct);
        return Page();
    }
}
