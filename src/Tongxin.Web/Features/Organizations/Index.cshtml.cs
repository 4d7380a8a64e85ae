using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Web.Features.Organizations;

public class IndexModel(GetOrgTree.Handler tree) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Closed { get; set; }
    public List<GetOrgTree.Node> Roots { get; private set; } = [];
    public int Count { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Orgs.View)) return Forbid();
        Roots = await tree.Handle(Scope, Q, Closed, ct);
        Count = CountAll(Roots);
        CanEdit = Scope.CanAnywhere(Permissions.Orgs.Edit);
        return Page();
    }

    static int CountAll(List<GetOrgTree.Node> nodes) => nodes.Sum(n => 1 + CountAll(n.Children));
}
