using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Duty;

/// <summary>五个一: a member's own items with their records; for the office, every member by 界别 and the year's targets.</summary>
public class FiveOneModel(AppDbContext db, GetFiveOne.Handler get, SetDutyTargets.Handler set) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty] public Dictionary<FiveOneItem, int> Targets { get; set; } = [];

    public int ShownYear => Year ?? Clock.Today.Year;
    public GetFiveOne.Member? Mine { get; private set; }
    public GetFiveOne.View? All { get; private set; }
    public IReadOnlyDictionary<FiveOneItem, int> Goals { get; private set; } = FiveOne.Defaults;
    public List<string> Sectors { get; private set; } = [];
    public bool CanSetTargets { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostTargetsAsync(CancellationToken ct)
    {
        if (Scope.TenantWith(Permissions.Proposals.Review) is not { } tenant) return Forbid();
        return await AfterActionAsync((await set.Handle(tenant, ShownYear, Targets, Scope, ct)).Error, "目标已保存", new { year = ShownYear }, () => ShowAsync(ct));
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Scope.IsCppccMember && Scope.PersonId is { } me)
        {
            var tenant = await db.People.Where(p => p.Id == me).Select(p => p.TenantId).FirstAsync(ct);
            var view = await get.Handle(tenant, ShownYear, me, ct: ct);
            (Mine, Goals) = (view.Members.FirstOrDefault(), view.Targets);
        }
        if (Scope.TenantWith(Permissions.Proposals.View) is { } office)
        {
            All = await get.Handle(office, ShownYear, sector: string.IsNullOrEmpty(Sector) ? null : Sector, ct: ct);
            Goals = All.Targets;
            Sectors = await db.People.Where(p => p.TenantId == office && p.IsCppccMember && p.Sector != null).Select(p => p.Sector!).Distinct().OrderBy(s => s).ToListAsync(ct);
            CanSetTargets = Scope.TenantWith(Permissions.Proposals.Review) is not null;
        }
        if (Mine is null && All is null) return Forbid();
        return Page();
    }
}
