using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.People;

public class EditModel(AppDbContext db) : AppPage
{
    [BindProperty] public SavePerson.Command Input { get; set; } = new();
    public List<(long Id, string Name, int Depth, OrgType Type, long? ParentId)> Orgs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id, [FromServices] GetPerson.Handler get, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.People.Edit)) return Forbid();
        if (id is { } pid)
        {
            var view = await get.Handle(pid, Scope, ct);
            if (view is null) return NotFound();
            if (!view.CanEdit) return Forbid();
            var p = view.Person;
            Input = new SavePerson.Command
            {
                Id = p.Id, Version = p.Version, Name = p.Name, Gender = p.Gender, IdNumber = view.IdNumberShown == p.IdNumber ? p.IdNumber : null,
                BirthDate = p.BirthDate, Phone = p.Phone, OrgId = p.OrgId, PartyGroupId = p.PartyGroupId, PartyStatus = p.PartyStatus,
                JoinedDate = p.JoinedDate, FullDate = p.FullDate, IsRetired = p.IsRetired, IsCppccMember = p.IsCppccMember,
                Sector = p.Sector, SpecialCommittee = p.SpecialCommittee, IsStandingCommittee = p.IsStandingCommittee,
                Affiliation = p.Affiliation, IsStaff = p.IsStaff, StaffPost = p.StaffPost, IsYoungCadre = p.IsYoungCadre,
                DualLifeOrgIds = view.DualLives.Select(d => d.Id).ToList(),
            };
            // A user who may not see the full ID number keeps the stored one unless they type a new one.
            KeepIdNumber = Input.IdNumber is null && p.IdNumber is not null;
        }
        else Input.FormKey = FormSubmission.NewKey();
        await LoadOrgs(ct);
        return Page();
    }

    [BindProperty] public bool KeepIdNumber { get; set; }

    public async Task<IActionResult> OnPostAsync([FromServices] SavePerson.Handler save, [FromServices] GetPerson.Handler get, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.People.Edit)) return Forbid();
        if (Input.Id is { } id)
        {
            var view = await get.Handle(id, Scope, ct);
            if (view is null) return NotFound();
            if (!view.CanEdit) return Forbid();
        }
        Input.Version = PostedVersion("Input.Version", Input.Version);
        // The stored number never goes into the form: the handler keeps it when the field is left blank.
        Input.KeepIdNumber = KeepIdNumber;
        foreach (var e in SavePerson.Validate(Input)) ModelState.AddModelError($"Input.{e.Field}", e.Message);
        if (ModelState.IsValid)
        {
            var result = await save.Handle(Input, Scope, ct);
            if (result.Ok)
            {
                TempData["Flash"] = L["已保存"].Value;
                return RedirectToPage("Details", new { id = result.Value });
            }
            if (Fail(result.Error!) is { } response) return response;
        }
        await LoadOrgs(ct);
        return Page();
    }

    async Task LoadOrgs(CancellationToken ct) =>
        Orgs = (await db.Organizations.Where(Scope.OrgFilter(Permissions.People.Edit)).Where(o => o.ClosedAt == null)
                .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Depth, o.Type, o.ParentId }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name, o.Depth, o.Type, o.ParentId)).ToList();
}
