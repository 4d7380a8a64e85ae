using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Organizations;

public class EditModel(AppDbContext db) : AppPage
{
    public sealed class InputModel
    {
        public long? Id { get; set; }
        public int? Version { get; set; }
        public long ParentId { get; set; }
        [Required(ErrorMessage = "请填写组织名称")] public string Name { get; set; } = "";
        public OrgType Type { get; set; } = OrgType.OrganBranch;
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public DateOnly? TermStart { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? ParentName { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, long? parentId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == existing, ct);
            if (org is null || !Scope.Can(Permissions.Orgs.View, org.Path)) return NotFound();
            if (!Scope.Can(Permissions.Orgs.Edit, org.Path)) return Forbid();
            Input = new InputModel { Id = org.Id, Version = org.Version, ParentId = org.ParentId ?? 0, Name = org.Name, Type = org.Type,
                StartDate = org.StartDate, EndDate = org.EndDate, TermStart = org.TermStart };
        }
        else
        {
            var parent = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == parentId, ct);
            if (parent is null || !Scope.Can(Permissions.Orgs.View, parent.Path)) return NotFound();
            if (!Scope.Can(Permissions.Orgs.Edit, parent.Path)) return Forbid();
            Input.ParentId = parent.Id;
        }
        await LoadParentName(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CreateOrganization.Handler create,
        [FromServices] UpdateOrganization.Handler update, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Orgs.Edit)) return Forbid();
        Input.Version = PostedVersion("Input.Version", Input.Version);
        if (ModelState.IsValid)
        {
            var result = Input.Id is { } id
                ? await update.Handle(new UpdateOrganization.Command(id, Input.Name, Input.Type, Input.StartDate, Input.EndDate, Input.TermStart, Input.Version), Scope, ct)
                : await create.Handle(new CreateOrganization.Command(Input.ParentId, Input.Name, Input.Type, Input.StartDate, Input.EndDate, Input.TermStart), Scope, ct);
            if (result.Ok)
            {
                TempData["Flash"] = L["已保存"].Value;
                return RedirectToPage("Details", new { id = result.Value });
            }
            if (Fail(result.Error!) is { } response) return response;
        }
        await LoadParentName(ct);
        return Page();
    }

    async Task LoadParentName(CancellationToken ct) =>
        ParentName = await db.Organizations.Where(Scope.OrgFilter(Permissions.Orgs.Edit)).Where(o => o.Id == Input.ParentId)
            .Select(o => o.Name).FirstOrDefaultAsync(ct);
}
