using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>提案: a member's own, the office's whole list, and a handling unit's assignments — whichever the user has.</summary>
public class IndexModel(AppDbContext db, ListProposals.Handler list, RaiseOverdueAlerts.Handler alerts) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public long? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalStage? Stage { get; set; }

    public int ShownYear => Year ?? Clock.Today.Year;
    public bool IsMember { get; private set; }
    public List<ListProposals.Row>? Mine { get; private set; }
    public Paged<ListProposals.Row>? Office { get; private set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public string PageLink(int p) => Url.Page("Index", new { year = ShownYear, Unit, Stage, p })!;
    public List<ListProposals.Row>? Handling { get; private set; }
    public List<OrgLife.Alert> Overdue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = Clock.Today;
        IsMember = Scope.PersonId is { } me && await db.People.AnyAsync(p => p.Id == me && p.IsCppccMember, ct);
        if (Scope.PersonId is not null) Mine = await list.Handle(ListProposals.Which.Mine, Scope, ShownYear, today, ct: ct);
        if (Scope.CanAnywhere(Permissions.Proposals.View)) Office = Paged<ListProposals.Row>.Of(await list.Handle(ListProposals.Which.Office, Scope, ShownYear, today, Unit, ct, Stage), PageNumber, 50);
        if (Scope.CanAnywhere(Permissions.Proposals.Handle)) Handling = await list.Handle(ListProposals.Which.Unit, Scope, ShownYear, today, ct: ct);
        // Overdue alerts: the office sees its CPPCC unit's, a handling unit its own.
        var offices = Scope.TenantsWith(Permissions.Proposals.Review);
        var units = ProposalAccess.Units(db, Scope);
        if (Scope.PersonId is null && Office is null && Handling is null) return Forbid();
        Overdue = await alerts.OpenForAsync(db.Organizations.Where(o => offices.Contains(o.Id) || units.Contains(o.Id)).Select(o => o.Id), ct);
        return Page();
    }
}
