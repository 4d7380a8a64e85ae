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
    /// <summary>"calendar": the month as a calendar (the period is read as a month), otherwise the list.</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    public bool IsCalendar => View == "calendar";
    [BindProperty(SupportsGet = true)] public ActivityType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityStatus? Status { get; set; }
    /// <summary>"asc": oldest first; otherwise newest first.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public Paged<ListActivities.Row> Rows { get; private set; } = null!;
    public List<(long Id, string Name, int Depth)> Orgs { get; private set; } = [];
    public bool CanPlan { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.OrgLife.View))
            return Scope.PersonId is null ? Forbid() : RedirectToPage("Mine");
        Period = Tongxin.Web.Features.OrgLife.Period.Parse(PeriodCode) ?? Tongxin.Web.Features.OrgLife.Period.Of(RulePeriod.Year, Clock.Today);
        if (IsCalendar && Period.Kind != RulePeriod.Month)
            Period = Tongxin.Web.Features.OrgLife.Period.Of(RulePeriod.Month, Period.Start <= Clock.Today && Clock.Today <= Period.End ? Clock.Today : Period.Start);
        Rows = await list.InScopeAsync(Scope, OrgId, Clock.ToUtc(Period.Start.ToDateTime(TimeOnly.MinValue)),
            Clock.ToUtc(Period.End.AddDays(1).ToDateTime(TimeOnly.MinValue)), IsCalendar ? 1 : PageNumber, IsCalendar ? Paging.MaxPageSize : 50, ct, Type, Status, Sort == "asc");
        Orgs = await OrgChoices.ForAsync(db, Scope, Permissions.OrgLife.View, ct);
        CanPlan = Scope.CanAnywhere(Permissions.OrgLife.Plan);
        return Page();
    }

    public string PageLink(int p) => Url.Page("Index", new { OrgId, period = PeriodCode, Type, Status, Sort, p })!;

    public string SortLink => Url.Page("Index", new { OrgId, period = PeriodCode, Type, Status, Sort = Sort == "asc" ? null : "asc" })!;

    public string CalendarLink(Period month) => Url.Page("Index", new { OrgId, period = month.Code, view = "calendar", Type, Status })!;

    public string ListLink => Url.Page("Index", new { OrgId, period = Period.Code, Type, Status })!;
}
