using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Organizations;

public class DetailsModel(GetOrgDetail.Handler detail, AppDbContext db) : AppPage
{
    public GetOrgDetail.View View { get; private set; } = null!;
    public List<(long Id, string Name)> MoveTargets { get; private set; } = [];

    public sealed class SeatInput { public long PersonId { get; set; } public CommitteePost Post { get; set; } }
    [BindProperty] public SeatInput Seat { get; set; } = new();
    [BindProperty] public long NewParentId { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await Show(id, ct);

    async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var view = await detail.Handle(id, Scope, Today, ct);
        if (view is null) return NotFound();
        View = view;
        if (view.CanEdit && view.Org.ParentId is not null)
        {
            var path = view.Org.Path;
            MoveTargets = (await db.Organizations.Where(Scope.OrgFilter(Permissions.Orgs.Edit))
                    .Where(o => o.ClosedAt == null && o.TenantId == view.Org.TenantId && !o.Path.StartsWith(path) && o.Id != view.Org.ParentId)
                    .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
                .Select(o => (o.Id, o.Name)).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSeatAsync(long id, [FromServices] SetCommitteeSeat.Handler seats, CancellationToken ct)
    {
        var r = await seats.Add(id, Seat.PersonId, Seat.Post, Scope, ct);
        return await After(id, r.Error, "已增补支部委员", ct);
    }

    public async Task<IActionResult> OnPostUnseatAsync(long id, long seatId, [FromServices] SetCommitteeSeat.Handler seats, CancellationToken ct)
    {
        var r = await seats.Remove(seatId, Scope, ct);
        return await After(id, r.Error, "已免去该委员职务", ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, [FromServices] MoveOrganization.Handler move, CancellationToken ct)
    {
        var r = await move.Handle(new MoveOrganization.Command(id, NewParentId), Scope, ct);
        return await After(id, r.Error, "组织已移动", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, [FromServices] CloseOrganization.Handler close, CancellationToken ct)
    {
        var r = await close.Handle(id, Scope, ct);
        return await After(id, r.Error, "组织已撤销", ct);
    }

    Task<IActionResult> After(long id, Tongxin.Web.Shared.Error? error, string done, CancellationToken ct) =>
        AfterActionAsync(error, done, new { id }, () => Show(id, ct));
}
