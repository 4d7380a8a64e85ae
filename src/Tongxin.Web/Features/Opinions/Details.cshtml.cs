using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Opinions;

/// <summary>One 社情民意 report, and for the office the next step: edit, adopt or not, forward, record an instruction.</summary>
public class DetailsModel(AppDbContext db, HandleOpinion.Handler handle) : AppPage
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public ForwardLevel? Level { get; set; }
    [BindProperty] public string? Instruction { get; set; }
    [BindProperty] public string? InstructedBy { get; set; }
    [BindProperty] public DateOnly? InstructedOn { get; set; }

    public OpinionReport Report { get; private set; } = null!;
    public string Author { get; private set; } = "";
    public bool IsOffice { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct) =>
        await AfterActionAsync((await handle.EditAsync(id, Title, Body, Scope, User.Identity!.Name!, DateTime.UtcNow, ct)).Error, "修改已保存", new { id }, () => ShowAsync(id, ct));

    public async Task<IActionResult> OnPostDecideAsync(long id, bool adopt, CancellationToken ct) =>
        await AfterActionAsync((await handle.DecideAsync(id, adopt, Note, Scope, User.Identity!.Name!, DateTime.UtcNow, ct)).Error, adopt ? "已采用" : "已登记为不采用", new { id }, () => ShowAsync(id, ct));

    public async Task<IActionResult> OnPostForwardAsync(long id, CancellationToken ct) =>
        await AfterActionAsync((await handle.ForwardAsync(id, Level, Scope, ct)).Error, "已登记报送", new { id }, () => ShowAsync(id, ct));

    public async Task<IActionResult> OnPostInstructAsync(long id, CancellationToken ct) =>
        await AfterActionAsync((await handle.InstructAsync(id, Instruction, InstructedBy, InstructedOn, Scope, ct)).Error, "批示已登记", new { id }, () => ShowAsync(id, ct));

    async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var report = await db.OpinionReports.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (report is null || !OpinionAccess.CanSee(Scope, report) || (report.Status == OpinionStatus.Draft && report.AuthorPersonId != Scope.PersonId)) return NotFound();
        Report = report;
        Author = await db.People.Where(p => p.Id == report.AuthorPersonId).Select(p => p.Name + (p.Sector == null ? "" : "（" + p.Sector + "）")).FirstAsync(ct);
        IsOffice = OpinionAccess.IsOffice(Scope, report.TenantId);
        return Page();
    }
}
