using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Proposals;

/// <summary>
/// 提案办理台账: every submitted proposal of a unit's year, one row each, from the records — number, proposers (co-signers
/// once confirmed), review, units, deadline, answer and ratings — for the office's year-end ledger.
/// </summary>
public static class ExportProposals
{
    public sealed record Row(string? Number, string Title, string Lead, IReadOnlyList<string> Cosigners, DateTime? SubmittedAt, ProposalStatus Status,
        string? LeadUnit, IReadOnlyList<string> CoUnits, DateOnly? AssignedOn, DateOnly? Deadline, bool Extended, DateOnly? RepliedOn,
        OutcomeClass? Outcome, Satisfaction? Handling, Satisfaction? Result, bool IsKey, bool IsExcellent, string? Overseer, string? ReviewNote);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<List<Row>> Handle(long tenantId, int year, CancellationToken ct = default)
        {
            var proposals = await db.Proposals.AsNoTracking().Include(p => p.Signers).Include(p => p.Units)
                .Where(p => p.TenantId == tenantId && p.Year == year && p.Status != ProposalStatus.Draft)
                .OrderBy(p => p.Number == null).ThenBy(p => p.Number).ThenBy(p => p.SubmittedAt).ToListAsync(ct);
            var personIds = proposals.SelectMany(p => p.Signers.Select(s => s.PersonId)).Distinct().ToList();
            var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var unitIds = proposals.SelectMany(p => p.Units.Select(u => u.OrgId)).Distinct().ToList();
            var units = await db.Organizations.Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            return proposals.Select(p => new Row(p.Number, p.Title, people[p.LeadPersonId],
                p.Signers.Where(s => s.PersonId != p.LeadPersonId && s.ConfirmedAt != null).OrderBy(s => s.Order).Select(s => people[s.PersonId]).ToList(),
                p.SubmittedAt, p.Status, p.Units.Where(u => u.IsLead).Select(u => units[u.OrgId]).FirstOrDefault(),
                p.Units.Where(u => !u.IsLead).Select(u => units[u.OrgId]).ToList(), p.AssignedOn, p.Deadline, p.Extended, p.RepliedOn,
                p.Outcome, p.HandlingRating, p.ResultRating, p.IsKey, p.IsExcellent, p.Overseer, p.ReviewNote)).ToList();
        }
    }
}
