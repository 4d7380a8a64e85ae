using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Duty;

/// <summary>履职档案 of one member and year: their own, or any member's for the office and leaders.</summary>
public class FileModel(AppDbContext db, GetDutyFile.Handler get) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public long? PersonId { get; set; }

    public int ShownYear => Year ?? Clock.Today.Year;
    public GetDutyFile.File Member { get; private set; } = null!;
    public GetDutyFile.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var unit = await db.Organizations.Where(o => o.Id == View.Scheme.TenantId).Select(o => o.Name).FirstAsync(ct);
        return File(ExportDutyFile.Draft(Member, ShownYear, unit), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"{Member.Name}-{ShownYear}年度履职报告.docx");
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var who = PersonId ?? Scope.PersonId;
        var person = who is { } id ? await db.People.Where(p => p.Id == id && p.IsCppccMember).Select(p => new { p.Id, p.TenantId }).FirstOrDefaultAsync(ct) : null;
        if (person is null) return NotFound();
        var office = Scope.HoldsIn(person.TenantId, Permissions.Proposals.View);
        if (person.Id != Scope.PersonId && !office) return NotFound();
        View = await get.Handle(person.TenantId, ShownYear, person.Id, ct);
        Member = View.Files.Single();
        return null;
    }
}
