using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Proposals;

/// <summary>Proposals in three views: the member's own (as lead or co-signer), the office's (the whole unit), a handling unit's (assigned to it).</summary>
public static class ListProposals
{
    public enum Which { Mine, Office, Unit }

    static readonly ProposalStatus[] Handled = [ProposalStatus.Assigned, ProposalStatus.Replied, ProposalStatus.Rated, ProposalStatus.Closed];

    public sealed record Row(long Id, string? Number, string Title, string Lead, ProposalStatus Status, DateOnly? Deadline, bool Overdue,
        string? LeadUnit, bool IsKey, bool NeedsMyConfirmation);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<List<Row>> Handle(Which which, Scope scope, int year, DateOnly today, long? unitId = null, CancellationToken ct = default, ProposalStage? stage = null)
        {
            IQueryable<Proposal> q = db.Proposals.Where(p => p.Year == year);
            var me = scope.PersonId ?? -1;
            switch (which)
            {
                case Which.Mine:
                    q = q.Where(p => p.Signers.Any(s => s.PersonId == me) && (p.LeadPersonId == me || p.Status != ProposalStatus.Draft));
                    break;
                case Which.Office:
                    var tenants = scope.TenantsWith(Permissions.Proposals.View);
                    q = q.Where(p => tenants.Contains(p.TenantId) && p.Status != ProposalStatus.Draft);
                    break;
                default:
                    var units = ProposalAccess.Units(db, scope);
                    q = q.Where(p => p.Units.Any(u => units.Contains(u.OrgId)) && Handled.Contains(p.Status));
                    break;
            }
            if (unitId is { } unit) q = q.Where(p => p.Units.Any(u => u.OrgId == unit && u.IsLead));
            if (stage is { } reached)
            {
                var statuses = ProposalStages.Statuses(reached);
                q = q.Where(p => statuses.Contains(p.Status));
            }
            var rows = await q.OrderByDescending(p => p.SubmittedAt ?? p.CreatedAt).Select(p => new
            {
                p.Id, p.Number, p.Title, Lead = db.People.Where(x => x.Id == p.LeadPersonId).Select(x => x.Name).First(), p.Status, p.Deadline, p.IsKey,
                LeadUnit = p.Units.Where(u => u.IsLead).Select(u => db.Organizations.Where(o => o.Id == u.OrgId).Select(o => o.Name).First()).FirstOrDefault(),
                Pending = p.LeadPersonId != me && p.Signers.Any(s => s.PersonId == me && s.ConfirmedAt == null),
            }).Take(500).ToListAsync(ct);
            return rows.Select(r => new Row(r.Id, r.Number, r.Title, r.Lead, r.Status, r.Deadline, r.Status == ProposalStatus.Assigned && r.Deadline < today,
                r.LeadUnit, r.IsKey, r.Pending)).ToList();
        }
    }
}
