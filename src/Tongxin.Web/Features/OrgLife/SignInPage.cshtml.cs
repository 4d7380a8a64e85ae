using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>Where the QR code leads: a phone-sized page that confirms the sign-in (after logging in if needed).</summary>
public class SignInPageModel(AppDbContext db) : AppPage
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    public Activity? Activity { get; private set; }
    public string? Problem { get; private set; }
    public SignIn.Done? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = SignInToken.ActivityIdOf(Token);
        var activity = id is null ? null : await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var verdict = activity is null ? SignInToken.Verdict.Forged : SignInToken.Check(Token, activity.Id, activity.SignInSecret, DateTimeOffset.UtcNow);
        if (verdict == SignInToken.Verdict.Forged) return Refuse(StatusCodes.Status404NotFound, "二维码无效");
        // Only the expected attendees learn what the activity is.
        if (Scope.PersonId is not { } me || !await db.Attendees.AnyAsync(a => a.ActivityId == id && a.PersonId == me, ct))
            return Refuse(StatusCodes.Status403Forbidden, "您不在本次活动的应参加人员中");
        Activity = activity;
        if (verdict == SignInToken.Verdict.Expired) Problem = "二维码已过期，请扫描屏幕上最新的二维码";
        return Page();
    }

    IActionResult Refuse(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SignInQueue queue, CancellationToken ct)
    {
        var result = await queue.SignInAsync(Token, User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!, DateTime.UtcNow, ct);
        if (!result.Ok) return Refuse(result.Error!.StatusCode, result.Error.Message);
        Done = result.Value;
        Activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Done!.ActivityId, ct);
        return Page();
    }
}
