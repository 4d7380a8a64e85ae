using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.People;

public class DetailsModel(GetPerson.Handler get) : AppPage
{
    public GetPerson.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await get.Handle(id, Scope, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
