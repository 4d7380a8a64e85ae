using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.People;

public class IndexModel(ListPeople.Handler list, AppDbContext db) : AppPage
{
    [BindProperty(SupportsGet = true)] public long? OrgId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "name";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }

    public ListPeople.Page Result { get; private set; } = new([], 0, 1, ListPeople.DefaultPageSize);
    public List<(long Id, string Name, int Depth)> Orgs { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanExport { get; private set; }

    ListPeople.Query Query => new(OrgId, Role, Q, PageNumber, ListPeople.DefaultPageSize, Sort, Desc);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.People.View))
            return Scope.PersonId is { } me ? Redirect($"/People/Details/{me}") : Forbid();
        var result = await list.Handle(Query, Scope, ct);
        if (!result.Ok) return Fail(result.Error!) ?? NotFound();
        Result = result.Value!;
        Orgs = await OrgChoices.ForAsync(db, Scope, Permissions.People.View, ct);
        CanEdit = Scope.CanAnywhere(Permissions.People.Edit);
        CanExport = Scope.CanAnywhere(Permissions.People.Export);
        return Page();
    }

    /// <summary>The filtered list as .xlsx, streamed row by row.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.People.Export)) return Forbid();
        if (OrgId is { } orgId)
        {
            var path = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !Scope.Can(Permissions.People.Export, path)) return NotFound();
        }
        var rows = list.StreamAsync(Query with { Page = 1 }, ExportScope(), ct);
        var file = await Infrastructure.Excel.XlsxWriter.WriteAsync("人员名册", ExportRoster.Headers, ExportRoster.Rows(rows), ct);
        var result = Infrastructure.Excel.XlsxWriter.FileResult(file, $"人员名册-{DateTime.Now:yyyyMMdd}.xlsx");
        await result.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>Export reaches only the subtrees where the user may export, not merely view.</summary>
    Scope ExportScope() => new(Scope.UserId, null,
        Scope.Grants.Where(g => Roles.Grants[g.Role].Contains(Permissions.People.Export)).ToList());

    public string SortLink(string column) =>
        Url.Page("Index", new { OrgId, Role, Q, Sort = column, Desc = Sort == column && !Desc })!;

    public string PageLink(int page) => Url.Page("Index", new { OrgId, Role, Q, Sort, Desc, p = page })!;

    public string ExportLink => Url.Page("Index", "Export", new { OrgId, Role, Q, Sort, Desc })!;
}
