using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

public class MineModel(GetMyPoints.Handler get) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public GetMyPoints.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        View = await get.Handle(me, Year ?? Clock.Today.Year, ct);
        return Page();
    }
}
