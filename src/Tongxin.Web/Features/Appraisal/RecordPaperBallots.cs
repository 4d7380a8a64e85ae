using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>
/// 纸质票: members without a phone vote on paper at the meeting; the counting team tallies the sheets, and the branch
/// enters, for each member graded, how many valid sheets gave each grade, and ticks who handed in a sheet. Sheets are
/// not entered one by one, so nothing ties a voter to their marks; the counts go into the sealed box with the online
/// ballots (<see cref="BallotBox"/>). A sheet
/// the counting team voided (more 优秀 than a third, say) counts as voted but adds no marks.
/// </summary>
public static class RecordPaperBallots
{
    public sealed record Input(IReadOnlyList<long> Voters, IReadOnlyDictionary<long, IReadOnlyDictionary<AppraisalGrade, int>> Tallies);

    public sealed class Handler(AppDbContext db, BallotBox box)
    {
        public async Task<Result<int>> Handle(long roundId, Input input, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            if (await AppraisalAccess.ManagedAsync(db, roundId, scope, ct) is not { Round: var round }) return Error.NotFound();
            if (round.Status != AppraisalStatus.Open) return Error.Conflict("互评投票已结束，不能再录入纸质票");
            var voters = round.Participants.Where(p => input.Voters.Contains(p.PersonId)).ToList();
            if (voters.Count == 0) return Error.Validation("请勾选交回纸质票的党员", "Voters");
            if (voters.Count != input.Voters.Distinct().Count()) return Error.Validation("交回纸质票的须是本次参评党员", "Voters");
            if (voters.Any(v => v.VotedAt is not null)) return Error.Conflict("勾选的党员中有人已经投过票，每人只能投一次");

            var ids = round.Participants.Select(p => p.PersonId).ToList();
            var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var marks = new List<BallotBox.Mark>();
            foreach (var subject in round.Participants.Where(p => !p.IsProbationary))
            {
                var tally = input.Tallies.GetValueOrDefault(subject.PersonId) ?? new Dictionary<AppraisalGrade, int>();
                if (tally.Values.Any(n => n < 0)) return Error.Validation("票数不能为负数", "Tallies");
                // A voter does not grade themself: their own sheet has no mark for them.
                var sheets = voters.Count(v => v.PersonId != subject.PersonId);
                if (tally.Values.Sum() > sheets)
                    return Error.Invalid($"“{names.GetValueOrDefault(subject.PersonId)}”的各等次票数合计超过了可对其评价的纸质票数（{sheets} 张）", "Tallies");
                marks.AddRange(tally.SelectMany(t => Enumerable.Range(0, t.Value).Select(_ => new BallotBox.Mark(subject.PersonId, t.Key))));
            }
            if (input.Tallies.Keys.Any(id => round.Participants.All(p => p.PersonId != id || p.IsProbationary)))
                return Error.Validation("只能为参评的正式党员录入票数", "Tallies");

            foreach (var v in voters) (v.VotedAt, v.VotedOnPaper) = (utcNow, true);
            round.SealedBox = box.Add(round.SealedBox, marks);
            round.BoxVersion++;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("刚才有党员在线投票，请刷新后重新录入"); }
            return voters.Count;
        }
    }
}
