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
    /// <summary>Set for a 界别召集人 (not the office): the one 界别 they follow.</summary>
    public string? ConvenedSector { get; private set; }

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
        var found = await get.ReachAsync(Scope, Sector, ct);
        if (found.Error is { Kind: ErrorKind.Forbidden } refused && Scope.CanAnywhere(Permissions.Duty.Sector)) ModelState.AddModelError("", Localised(refused));
        if (found.Value is { } reach)
        {
            All = await get.HandleAsync(reach, ShownYear, ct);
            Goals = All.Targets;
            if (reach.WholeUnit)
                Sectors = await db.People.Where(p => p.TenantId == reach.TenantId && p.IsCppccMember && p.Sector != null).Select(p => p.Sector!).Distinct().OrderBy(s => s).ToListAsync(ct);
            else ConvenedSector = reach.Sector;
            CanSetTargets = Scope.TenantWith(Permissions.Proposals.Review) is not null;
        }
        if (Mine is null && All is null) return Forbid();
        return Page();
    }
}
