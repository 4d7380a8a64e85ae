using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Proposals;

/// <summary>One proposal as the user may see it, with what the user may do next.</summary>
public static class GetProposal
{
    public sealed record Signer(long PersonId, string Name, string? Sector, bool Lead, bool Confirmed);

    public sealed record Unit(long OrgId, string Name, bool Lead);

    public sealed record View(Proposal Proposal, IReadOnlyList<Signer> Signers, IReadOnlyList<Unit> Units, string? MergedIntoNumber,
        bool IsOffice, bool IsLeadProposer, bool AwaitsMyConfirmation, bool IsLeadUnit, bool Overdue)
    {
        /// <summary>Only co-signers who confirmed are proposers.</summary>
        public IEnumerable<Signer> Proposers => Signers.Where(s => s.Confirmed);
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View?> Handle(long id, Scope scope, DateOnly today, CancellationToken ct = default)
        {
            var p = await ProposalAccess.LoadAsync(db, id, ct, track: false);
            if (p is null || !await ProposalAccess.CanSeeAsync(db, p, scope, ct)) return null;
            var ids = p.Signers.Select(s => s.PersonId).ToList();
            var people = await db.People.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => (x.Name, x.Sector), ct);
            var unitIds = p.Units.Select(u => u.OrgId).ToList();
            var units = await db.Organizations.Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var merged = p.MergedIntoId is { } m ? await db.Proposals.Where(x => x.Id == m).Select(x => x.Number ?? $"#{x.Id}").FirstOrDefaultAsync(ct) : null;
            return new View(p,
                p.Signers.OrderBy(s => s.Order).Select(s => new Signer(s.PersonId, people[s.PersonId].Name, people[s.PersonId].Sector, s.PersonId == p.LeadPersonId, s.ConfirmedAt is not null)).ToList(),
                p.Units.OrderByDescending(u => u.IsLead).Select(u => new Unit(u.OrgId, units[u.OrgId], u.IsLead)).ToList(),
                merged,
                ProposalAccess.IsOffice(scope, p.TenantId),
                p.LeadPersonId == scope.PersonId,
                p.Signers.Any(s => s.PersonId == scope.PersonId && s.PersonId != p.LeadPersonId && s.ConfirmedAt is null),
                await ProposalAccess.IsHandlerAsync(db, p, scope, leadOnly: true, ct),
                p.Status == ProposalStatus.Assigned && p.Deadline < today);
        }

        /// <summary>Handling units the office may choose from.</summary>
        public Task<List<(long Id, string Name)>> HandlingUnitsAsync(long tenantId, CancellationToken ct = default) =>
            db.Organizations.Where(o => o.TenantId == tenantId && o.Type == OrgType.HandlingUnit && o.ClosedAt == null).OrderBy(o => o.Name)
                .Select(o => new ValueTuple<long, string>(o.Id, o.Name)).ToListAsync(ct);
    }
}
