using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

/// <summary>积分规则: the year's items and their versions, for the party-affairs administrator of the unit.</summary>
public class RulesModel(AppDbContext db, EditPointRules.Handler edit, RecomputePoints.Handler recompute) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public int Points { get; set; }
    [BindProperty] public int? Cap { get; set; }
    [BindProperty] public bool Active { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public bool? NeedsApproval { get; set; }
    [BindProperty] public ProposerLevel? Proposer { get; set; }

    public int ShownYear => Year ?? Clock.Today.Year;
    public PointRuleSet? Set { get; private set; }
    public PointRuleBook Book { get; private set; } = null!;

    public IReadOnlyList<RecomputePoints.Change>? Preview { get; private set; }
    public Dictionary<long, string> Names { get; private set; } = [];

    long? Tenant => Scope.Grants.FirstOrDefault(g => Scope.Can(Permissions.Points.Rules, g.Path))?.TenantId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostAdoptAsync(CancellationToken ct) => Tenant is not { } t ? Forbid()
        : await AfterActionAsync((await edit.AdoptAsync(t, ShownYear, ct)).Error, "已建立本年度规则", new { year = ShownYear }, () => ShowAsync(ct));

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct) => Tenant is not { } t ? Forbid()
        : await AfterActionAsync((await edit.ChangeItemAsync(t, ShownYear, Code, Points, Cap, Active, From ?? Clock.Today, NeedsApproval, Proposer, ct)).Error,
            "已保存为新版本", new { year = ShownYear }, () => ShowAsync(ct));

    public async Task<IActionResult> OnPostLockAsync(CancellationToken ct) => Tenant is not { } t ? Forbid()
        : await AfterActionAsync((await edit.LockAsync(t, ShownYear, User.Identity!.Name!, DateTime.UtcNow, ct)).Error,
            "已锁定", new { year = ShownYear }, () => ShowAsync(ct));

    /// <summary>What recomputing the year under the rules now kept would change, entry by entry.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(CancellationToken ct)
    {
        if (Tenant is not { } t) return Forbid();
        Preview = await recompute.PreviewAsync(t, ShownYear, ct);
        var ids = Preview.Select(c => c.PersonId).Distinct().ToList();
        Names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken ct)
    {
        if (Tenant is not { } t) return Forbid();
        var changed = await recompute.ApplyAsync(t, ShownYear, User.Identity!.Name!, DateTime.UtcNow, ct);
        TempData["Flash"] = L["已按现行规则重新计算，调整 {0} 条积分", changed].Value;
        return RedirectToPage(new { year = ShownYear });
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Tenant is not { } tenant) return Forbid();
        Set = await db.PointRuleSets.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenant && s.Year == ShownYear, ct);
        Book = await PointRuleBook.LoadAsync(db, tenant, ShownYear, ct);
        return Page();
    }
}
