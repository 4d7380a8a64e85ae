using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.Notices;

/// <summary>我的通知: read on a phone or a PC; opening one marks it read and goes where it leads.</summary>
public class IndexModel(ListNotices.Handler list) : AppPage
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public ListNotices.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        View = await list.Handle(me, PageNumber, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, [FromServices] ReadNotice.Handler read, CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        var result = await read.Handle(id, me, ct);
        return result.Ok ? LocalRedirect(result.Value!) : NotFound();
    }

    public async Task<IActionResult> OnPostReadAllAsync([FromServices] ReadAllNotices.Handler readAll, CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        await readAll.Handle(me, ct);
        return RedirectToPage("Index");
    }

    public string PageLink(int p) => Url.Page("Index", new { p })!;
}
