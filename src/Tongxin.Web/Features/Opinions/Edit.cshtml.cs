using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Opinions;

/// <summary>撰写社情民意: a draft, then submitted to the office.</summary>
public class EditModel(AppDbContext db, WriteOpinion.Handler write) : AppPage
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var o = await db.OpinionReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing && x.AuthorPersonId == Scope.PersonId && x.Status == OpinionStatus.Draft, ct);
            if (o is null) return NotFound();
            (Title, Body) = (o.Title, o.Content);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, bool submit, CancellationToken ct)
    {
        var result = await write.Handle(id, Title, Body, submit, Scope, DateTime.UtcNow, ct);
        if (result.Ok)
        {
            Flash = L[submit ? "社情民意已报送" : "草稿已保存"].Value;
            return Redirect($"/Opinions/Details/{result.Value}");
        }
        return Fail(result.Error!) ?? Page();
    }
}
