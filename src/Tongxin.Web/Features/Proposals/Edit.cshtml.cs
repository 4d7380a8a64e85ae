using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>撰写提案: title, 案由与建议, co-signers; saved as a draft or submitted.</summary>
public class EditModel(AppDbContext db, SubmitProposal.Handler proposals) : AppPage
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public List<long> CoSigners { get; set; } = [];
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? FormKey { get; set; }

    public List<(long Id, string Name, string? Sector, string? Affiliation)> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var p = await ProposalAccess.LoadAsync(db, existing, ct, track: false);
            if (p is null || p.LeadPersonId != Scope.PersonId || p.Status != ProposalStatus.Draft) return NotFound();
            (Title, Body, Version, CoSigners) = (p.Title, p.Content, p.Version, p.Signers.Where(s => s.PersonId != p.LeadPersonId).Select(s => s.PersonId).ToList());
        }
        else FormKey = FormSubmission.NewKey();
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(long? id, bool submit, CancellationToken ct)
    {
        var result = await proposals.Handle(id, new(Title, Body, CoSigners, PostedVersion(nameof(Version), Version), FormKey), submit, Scope, DateTime.UtcNow, ct);
        if (result.Ok)
        {
            Flash = L[submit ? "提案已提交，联名人确认后列为提案人" : "草稿已保存"].Value;
            return Redirect($"/Proposals/Details/{result.Value}");
        }
        return Fail(result.Error!) ?? await ShowAsync(ct);
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        var tenant = await db.People.Where(p => p.Id == me && p.IsCppccMember).Select(p => (long?)p.TenantId).FirstOrDefaultAsync(ct);
        if (tenant is null) return Forbid();
        Members = (await db.People.Where(p => p.TenantId == tenant && p.IsCppccMember && p.Id != me).OrderBy(p => p.NameInitials)
            .Select(p => new { p.Id, p.Name, p.Sector, p.Affiliation }).ToListAsync(ct)).Select(p => (p.Id, p.Name, p.Sector, p.Affiliation)).ToList();
        return Page();
    }
}
