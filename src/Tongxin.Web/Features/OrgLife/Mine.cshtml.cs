using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.OrgLife;

public class MineModel(ListActivities.Handler list) : AppPage
{
    public List<ListActivities.MineRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        Rows = await list.MineAsync(me, DateTime.UtcNow.AddDays(-30), ct);
        return Page();
    }
}
