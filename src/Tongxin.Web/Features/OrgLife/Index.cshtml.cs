using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

public class IndexModel(ListActivities.Handler list, AppDbContext db) : AppPage
{
    [BindProperty(SupportsGet = true)] public long? OrgId { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodCode { get; set; }
    public Period Period { get; private set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Paged<ListActivities.Row> Rows { get; private set; } = null!;
    public List<(long Id, string Name, int Depth)> Orgs { get; private set; } = [];
    public bool CanPlan { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.OrgLife.View))
            return Scope.PersonId is null ? Forbid() : RedirectToPage("Mine");
        Period = Tongxin.Web.Features.OrgLife.Period.Parse(PeriodCode) ?? Tongxin.Web.Features.OrgLife.Period.Of(RulePeriod.Year, Clock.Today);
        Rows = await list.InScopeAsync(Scope, OrgId, Clock.ToUtc(Period.Start.ToDateTime(TimeOnly.MinValue)),
            Clock.ToUtc(Period.End.AddDays(1).ToDateTime(TimeOnly.MinValue)), PageNumber, 50, ct);
        Orgs = await OrgChoices.ForAsync(db, Scope, Permissions.OrgLife.View, ct);
        CanPlan = Scope.CanAnywhere(Permissions.OrgLife.Plan);
        return Page();
    }

    public string PageLink(int p) => Url.Page("Index", new { OrgId, period = PeriodCode, p })!;
}
