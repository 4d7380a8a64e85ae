using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>
/// A member's part in the round: their self-assessment, and one ballot grading each fellow full member. The marks go
/// into the round's sealed box without the voter (<see cref="BallotBox"/>); the member's row only records that they
/// voted, so a second ballot is refused.
/// </summary>
public static class TakePart
{
    /// <summary>Actor named in the audit log for ballot marks, so the log does not tie a voter to their marks.</summary>
    public const string BallotActor = "无记名投票";

    public sealed class Handler(AppDbContext db, BallotBox box)
    {
        public async Task<Result<bool>> SelfAssessAsync(long roundId, long personId, string? text, DateTime utcNow, CancellationToken ct = default)
        {
            if (await OpenParticipantAsync(roundId, personId, ct) is not { } me) return Error.NotFound();
            if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 10) return Error.Validation("自我评价请写明一年来的表现（不少于 10 个字）", "SelfAssessment");
            if (me.Round.Status != AppraisalStatus.Open) return Error.Conflict("评议已结束，不能再修改自我评价");
            (me.Part.SelfAssessment, me.Part.SelfAssessedAt) = (text.Trim(), utcNow);
            await db.SaveChangesAsync(ct);
            return true;
        }

        public async Task<Result<int>> VoteAsync(long roundId, long personId, IReadOnlyDictionary<long, AppraisalGrade?> marks, DateTime utcNow,
            CancellationToken ct = default, int retries = 0)
        {
            if (await OpenParticipantAsync(roundId, personId, ct) is not { } me) return Error.NotFound();
            if (me.Round.Status != AppraisalStatus.Open) return Error.Conflict("互评投票已结束");
            if (me.Part.VotedAt is not null) return Error.Conflict("您已投过票，每人只能投一次");
            var subjects = me.Round.Participants.Where(p => !p.IsProbationary && p.PersonId != personId).Select(p => p.PersonId).ToList();
            if (subjects.Any(s => marks.GetValueOrDefault(s) is null)) return Error.Validation("请为每一名正式党员选择评价等次", "Marks");
            if (subjects.Count(s => marks[s] == AppraisalGrade.Excellent) > AppraisalRules.MaxExcellent(me.Round.Participants.Count(p => !p.IsProbationary)))
                return Error.Validation("评为优秀的人数不能超过参评正式党员的三分之一", "Marks");

            var cast = subjects.Select(sid => new BallotBox.Mark(sid, marks[sid]!.Value)).ToList();
            me.Part.VotedAt = utcNow;
            me.Round.SealedBox = box.Add(me.Round.SealedBox, cast);
            me.Round.BoxVersion++;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                // Another member's ballot went into the box first (or this member's own second tab): look again.
                db.ChangeTracker.Clear();
                if (retries >= 5) return Error.Conflict("投票人数较多，请稍后再试");
                return await VoteAsync(roundId, personId, marks, utcNow, ct, retries + 1);
            }
            return subjects.Count;
        }

        async Task<(AppraisalRound Round, AppraisalParticipant Part)?> OpenParticipantAsync(long roundId, long personId, CancellationToken ct)
        {
            var round = await db.AppraisalRounds.Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == roundId, ct);
            var part = round?.Participants.FirstOrDefault(p => p.PersonId == personId);
            return part is null ? null : (round!, part);
        }
    }
}
