using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Audit;

public class IndexModel(AppDbContext db) : AppPage
{
    const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public VerifyAuditChain.Report? Verified { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Audit.View)) return Forbid();
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync([FromServices] VerifyAuditChain.Handler verify, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Audit.View)) return Forbid();
        Verified = await verify.Handle(ct);
        await Load(ct);
        return Page();
    }

    async Task Load(CancellationToken ct)
    {
        // The audit role reads the log of its own unit(s).
        var tenants = Scope.Grants.Where(g => g.Role == Roles.Auditor).Select(g => g.TenantId).ToList();
        var q = db.AuditEntries.AsNoTracking().Where(a => a.TenantId == null || tenants.Contains(a.TenantId.Value));
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(a => a.EntityType == Entity);
        if (!string.IsNullOrWhiteSpace(Actor)) q = q.Where(a => a.UserName == Actor);
        Total = await q.CountAsync(ct);
        Entries = await q.OrderByDescending(a => a.Id).Skip(Paging.Skip(PageNumber, PageSize)).Take(PageSize).ToListAsync(ct);
    }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string PageLink(int p) => Url.Page("Index", new { Entity, user = Actor, p })!;
}
