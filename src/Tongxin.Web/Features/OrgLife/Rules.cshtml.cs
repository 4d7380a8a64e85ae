using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>The required frequencies of the user's unit, with changes from a date on.</summary>
public class RulesModel(AppDbContext db) : AppPage
{
    public List<FrequencyRule> Custom { get; private set; } = [];
    public long TenantId { get; private set; }
    [BindProperty] public ActivityType Type { get; set; }
    [BindProperty] public DateOnly EffectiveFrom { get; set; } = new(Clock.Today.Year, 1, 1);
    [BindProperty] public RulePeriod RulePeriod { get; set; } = RulePeriod.Month;
    [BindProperty] public int MinCount { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromServices] SetFrequency.Handler set, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var result = await set.Handle(TenantId, Type, EffectiveFrom, RulePeriod, MinCount, Scope, ct);
        if (result.Ok) { TempData["Flash"] = L["已保存"].Value; return RedirectToPage(); }
        if (Fail(result.Error!) is { } response) return response;
        return Page();
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var grant = Scope.Grants.FirstOrDefault(g => Roles.Grants[g.Role].Contains(Permissions.OrgLife.Rules));
        if (grant is null) return Forbid();
        TenantId = grant.TenantId;
        Custom = await db.FrequencyRules.Where(r => r.TenantId == TenantId).OrderBy(r => r.Type).ThenBy(r => r.EffectiveFrom).ToListAsync(ct);
        return null;
    }
}
