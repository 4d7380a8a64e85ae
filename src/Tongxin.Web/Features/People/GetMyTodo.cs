using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.Duty;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.People;

/// <summary>
/// What is waiting for the person themself, shown on the page they land on: proposals they were asked to co-sign,
/// an open 民主评议 they have not voted in, and in the third quarter their open 五个一 items. Only things they can act on.
/// </summary>
public static class GetMyTodo
{
    public enum Kind { Cosign, Vote, FiveOne }

    public sealed record Item(Kind Kind, int Count, string Url);

    public sealed class Handler(AppDbContext db, GetFiveOne.Handler fiveOne)
    {
        public async Task<IReadOnlyList<Item>> Handle(long personId, DateOnly today, CancellationToken ct = default)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.TenantId, p.IsCppccMember }).FirstAsync(ct);
            var items = new List<Item>();
            var cosign = await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Submitted && p.LeadPersonId != personId
                && p.Signers.Any(s => s.PersonId == personId && s.ConfirmedAt == null), ct);
            if (cosign > 0) items.Add(new(Kind.Cosign, cosign, "/Proposals"));
            var vote = await db.AppraisalParticipants.CountAsync(p => p.PersonId == personId && p.VotedAt == null
                && db.AppraisalRounds.Any(r => r.Id == p.RoundId && r.Status == AppraisalStatus.Open), ct);
            if (vote > 0) items.Add(new(Kind.Vote, vote, "/Appraisal/Mine"));
            if (person.IsCppccMember && FiveOne.Q3Reminder(today, today.Year, FiveOne.Items) is not null)
            {
                var mine = (await fiveOne.Handle(person.TenantId, today.Year, personId, ct: ct)).Members.Single();
                if (FiveOne.Q3Reminder(today, today.Year, mine.Gaps) is { } open) items.Add(new(Kind.FiveOne, open.Count, "/Duty/FiveOne"));
            }
            return items;
        }
    }
}
