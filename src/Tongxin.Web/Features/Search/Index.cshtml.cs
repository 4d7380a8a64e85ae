using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.Search;

/// <summary>搜索: what the top bar's box finds, by kind, within the user's scope.</summary>
public class IndexModel(SearchRecords.Handler search) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public SearchRecords.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.UserId is null || Scope.IsAuditorOnly) return Forbid();
        View = await search.Handle(Scope, Q, ct);
        return Page();
    }
}
