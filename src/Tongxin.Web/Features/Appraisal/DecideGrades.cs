using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>
/// The branch closes the ballot, records its decision per member (the tallies and points are inputs, not the
/// decision) and finalises: every full member graded, 优秀 within a third, points totals kept with the result.
/// </summary>
public static class DecideGrades
{
    public sealed record Decision(AppraisalGrade? Grade, string? Note);

    public sealed class Handler(AppDbContext db, BallotBox box)
    {
        public async Task<Result<bool>> CloseVotingAsync(long roundId, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            if (await AppraisalAccess.ManagedAsync(db, roundId, scope, ct) is not { Round: var round }) return Error.NotFound();
            if (round.Status != AppraisalStatus.Open) return Error.Conflict("互评投票已结束");
            (round.Status, round.ClosedAt) = (AppraisalStatus.Closed, utcNow);
            // The box is opened: its marks become ballot rows in random order, in one batch named after no voter.
            foreach (var mark in box.Shuffled(round.SealedBox))
            {
                var ballot = new AppraisalBallot { RoundId = round.Id, SubjectId = mark.SubjectId, Grade = mark.Grade };
                db.AppraisalBallots.Add(ballot);
                db.ActAs(ballot, TakePart.BallotActor);
            }
            (round.SealedBox, round.BoxVersion) = (null, round.BoxVersion + 1);
            return await SaveAsync(ct);
        }

        public async Task<Result<bool>> Handle(long roundId, IReadOnlyDictionary<long, Decision> decisions, bool finalise, Scope scope, string userName,
            DateTime utcNow, CancellationToken ct = default)
        {
            if (await AppraisalAccess.ManagedAsync(db, roundId, scope, ct) is not { Round: var round }) return Error.NotFound();
            if (round.Status == AppraisalStatus.Open) return Error.Conflict("请先结束互评投票，再评定等次");
            if (round.Status == AppraisalStatus.Final) return Error.Conflict("评议结果已确定，不能再修改");

            var proposed = round.Participants.Select(p =>
            {
                var d = decisions.GetValueOrDefault(p.PersonId);
                return (p, d?.Grade, Note: string.IsNullOrWhiteSpace(d?.Note) ? null : d.Note.Trim());
            }).ToList();
            // The user's own grade is someone else's to record: theirs passes through unchanged or is refused.
            if (proposed.FirstOrDefault(x => x.p.PersonId == scope.PersonId) is { p: not null } own
                && (own.Grade != own.p.Grade || own.Note != own.p.GradeNote) && ConflictOfInterest.Check(scope, own.p.PersonId) is { } conflict)
            {
                if (decisions.ContainsKey(own.p.PersonId)) return conflict;
                proposed[proposed.IndexOf(own)] = (own.p, own.p.Grade, own.p.GradeNote);
            }
            if (AppraisalRules.Check(proposed.Select(x => (x.p.IsProbationary, x.Grade, x.Note)).ToList(), finalise) is { } problem)
                return Error.Validation(problem, "Decisions");

            foreach (var (p, grade, note) in proposed) (p.Grade, p.GradeNote) = (grade, note);
            if (finalise)
            {
                var totals = await PointLedger.YearTotalsAsync(db, round.TenantId, round.Year, round.Participants.Select(p => p.PersonId).ToList(), ct);
                foreach (var p in round.Participants) p.PointsTotal = totals[p.PersonId];
                (round.Status, round.FinalisedBy, round.FinalisedAt) = (AppraisalStatus.Final, userName, utcNow);
            }
            return await SaveAsync(ct);
        }

        async Task<Result<bool>> SaveAsync(CancellationToken ct)
        {
            try { await db.SaveChangesAsync(ct); return true; }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("评议状态已被他人更改，请刷新后再试"); }
        }
    }
}
