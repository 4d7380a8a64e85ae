using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>民主评议 in the user's branches for a year: rounds under way and branches yet to open one.</summary>
public class IndexModel(GetRound.Handler rounds, OpenRound.Handler open) : AppPage
{
    public int Year { get; private set; }
    public List<(long RoundId, long OrgId, string OrgName, AppraisalStatus Status, int Members, int Voted)> Rounds { get; private set; } = [];
    public List<(long OrgId, string Name)> NotOpened { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct) => await ShowAsync(year, ct);

    public async Task<IActionResult> OnPostOpenAsync(long orgId, int year, CancellationToken ct)
    {
        var result = await open.Handle(orgId, year, Scope, User.Identity!.Name!, DateTime.UtcNow, ct);
        if (result.Ok) { Flash = L["民主评议已开始，党员可在“我的评议”中自评和互评"].Value; return RedirectToPage("Round", new { id = result.Value }); }
        return Fail(result.Error!) ?? await ShowAsync(year, ct);
    }

    async Task<IActionResult> ShowAsync(int? year, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Appraisal.Manage)) return Forbid();
        Year = year ?? (Clock.Today.Month <= 3 ? Clock.Today.Year - 1 : Clock.Today.Year);
        (Rounds, NotOpened) = await rounds.ListAsync(Scope, Year, ct);
        return Page();
    }
}
