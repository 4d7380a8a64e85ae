using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Proposals;

/// <summary>
/// A year's rates, for the unit and per lead unit: 立案率 (registered of those reviewed), 按期办复率 (answered by the
/// deadline of those answered or overdue), 满意率 (满意 or 基本满意 with the result, of those rated), 落实率 (A or B of those
/// answered). Every figure comes from the proposals themselves.
/// </summary>
public static class GetProposalRates
{
    public sealed record Counts(int Submitted, int Reviewed, int Registered, int Due, int OnTime, int Answered, int Rated, int Satisfied, int Implemented)
    {
        public double? RegisterRate => Reviewed == 0 ? null : (double)Registered / Reviewed;
        public double? OnTimeRate => Due == 0 ? null : (double)OnTime / Due;
        public double? SatisfactionRate => Rated == 0 ? null : (double)Satisfied / Rated;
        public double? ImplementationRate => Answered == 0 ? null : (double)Implemented / Answered;
    }

    public sealed record UnitRates(long OrgId, string Name, Counts Counts);

    public sealed record View(int Year, Counts All, IReadOnlyList<UnitRates> Units);

    sealed record Fact(long Id, ProposalStatus Status, DateOnly? Deadline, DateOnly? RepliedOn, OutcomeClass? Outcome, Satisfaction? Result, long? LeadUnit);

    public static Counts Count(IReadOnlyCollection<(ProposalStatus Status, DateOnly? Deadline, DateOnly? RepliedOn, OutcomeClass? Outcome, Satisfaction? Result)> facts, DateOnly today)
    {
        ProposalStatus[] reviewed = [ProposalStatus.Registered, ProposalStatus.Refused, ProposalStatus.Merged, ProposalStatus.Converted,
            ProposalStatus.Assigned, ProposalStatus.Replied, ProposalStatus.Rated, ProposalStatus.Closed];
        var answered = facts.Where(f => f.RepliedOn is not null && f.Status is ProposalStatus.Replied or ProposalStatus.Rated or ProposalStatus.Closed).ToList();
        var overdue = facts.Count(f => f.Status == ProposalStatus.Assigned && f.Deadline < today);
        return new Counts(
            facts.Count(f => f.Status != ProposalStatus.Draft), facts.Count(f => reviewed.Contains(f.Status)), facts.Count(f => ProposalFlow.Registered.Contains(f.Status)),
            answered.Count + overdue, answered.Count(f => f.RepliedOn <= f.Deadline), answered.Count,
            facts.Count(f => f.Result is not null), facts.Count(f => f.Result is Satisfaction.Satisfied or Satisfaction.BasicallySatisfied),
            answered.Count(f => f.Outcome is OutcomeClass.A or OutcomeClass.B));
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View> Handle(long tenantId, int year, DateOnly today, CancellationToken ct = default)
        {
            var facts = await db.Proposals.Where(p => p.TenantId == tenantId && p.Year == year)
                .Select(p => new Fact(p.Id, p.Status, p.Deadline, p.RepliedOn, p.Outcome, p.ResultRating,
                    p.Units.Where(u => u.IsLead).Select(u => (long?)u.OrgId).FirstOrDefault()))
                .ToListAsync(ct);
            static (ProposalStatus, DateOnly?, DateOnly?, OutcomeClass?, Satisfaction?) Shape(Fact f) => (f.Status, f.Deadline, f.RepliedOn, f.Outcome, f.Result);
            var unitIds = facts.Select(f => f.LeadUnit).OfType<long>().Distinct().ToList();
            var names = await db.Organizations.Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var units = facts.Where(f => f.LeadUnit is not null).GroupBy(f => f.LeadUnit!.Value)
                .Select(g => new UnitRates(g.Key, names[g.Key], Count(g.Select(Shape).ToList(), today))).OrderBy(u => u.Name).ToList();
            return new View(year, Count(facts.Select(Shape).ToList(), today), units);
        }
    }
}
