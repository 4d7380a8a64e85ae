using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Proposals;

/// <summary>Who may see and act on a proposal: its proposers, the 提案 office of its unit, and the units it is assigned to.</summary>
public static class ProposalAccess
{
    public static bool IsOffice(Scope scope, long tenantId, string permission = Permissions.Proposals.Review) =>
        scope.HoldsIn(tenantId, permission);

    /// <summary>Handling units in the user's reach (their own unit, or units under it).</summary>
    public static IQueryable<long> Units(AppDbContext db, Scope scope) =>
        db.Organizations.Where(scope.OrgFilter(Permissions.Proposals.Handle)).Select(o => o.Id);

    public static async Task<Proposal?> LoadAsync(AppDbContext db, long id, CancellationToken ct, bool track = true)
    {
        var q = db.Proposals.Include(p => p.Signers).Include(p => p.Units).Where(p => p.Id == id);
        return await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    /// <summary>A draft is its author's alone: not the office's, a leader's or a named co-signer's until it is submitted.</summary>
    public static async Task<bool> CanSeeAsync(AppDbContext db, Proposal p, Scope scope, CancellationToken ct) =>
        p.Status == ProposalStatus.Draft ? scope.PersonId == p.LeadPersonId
        : IsOffice(scope, p.TenantId, Permissions.Proposals.View)
        || (scope.PersonId is { } me && p.Signers.Any(s => s.PersonId == me))
        || await IsHandlerAsync(db, p, scope, leadOnly: false, ct);

    public static async Task<bool> IsHandlerAsync(AppDbContext db, Proposal p, Scope scope, bool leadOnly, CancellationToken ct)
    {
        var ids = p.Units.Where(u => !leadOnly || u.IsLead).Select(u => u.OrgId).ToList();
        return ids.Count > 0 && await Units(db, scope).AnyAsync(u => ids.Contains(u), ct);
    }
}
