using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>办理情况统计: the year's rates for the unit and per lead unit, each unit drilling down to its proposals.</summary>
public class RatesModel(GetProposalRates.Handler rates) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public GetProposalRates.View View { get; private set; } = null!;

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P0") : "—";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.TenantWith(Permissions.Proposals.View) is not { } tenant) return Forbid();
        View = await rates.Handle(tenant, Year ?? Clock.Today.Year, Clock.Today, ct);
        return Page();
    }
}
