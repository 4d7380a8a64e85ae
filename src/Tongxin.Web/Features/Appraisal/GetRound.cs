using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>The round as the branch sees it: who took part and voted, each member's tally and points, the decisions.</summary>
public static class GetRound
{
    public sealed record Member(long PersonId, string Name, bool IsProbationary, string? SelfAssessment, bool Voted,
        IReadOnlyDictionary<AppraisalGrade, int> Tally, int Points, AppraisalGrade? Grade, string? GradeNote, bool OnPaper = false);

    public sealed record View(AppraisalRound Round, string OrgName, IReadOnlyList<Member> Members)
    {
        public int Graded => Members.Count(m => !m.IsProbationary);
        public int MaxExcellent => AppraisalRules.MaxExcellent(Graded);
        public int Voted => Members.Count(m => m.Voted);
        /// <summary>Tallies are shown once voting has closed.</summary>
        public bool TalliesShown => Round.Status != AppraisalStatus.Open;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View?> Handle(long roundId, Scope scope, CancellationToken ct = default)
        {
            if (await AppraisalAccess.ManagedAsync(db, roundId, scope, ct, track: false) is not { } found) return null;
            var (round, orgName) = found;
            var ids = round.Participants.Select(p => p.PersonId).ToList();
            var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Name, p.NameInitials), ct);
            // While voting is open nobody sees tallies (the marks are sealed anyway): only who has voted.
            var tallies = (await db.AppraisalBallots.Where(b => b.RoundId == roundId && round.Status != AppraisalStatus.Open).GroupBy(b => new { b.SubjectId, b.Grade })
                .Select(g => new { g.Key.SubjectId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct)).ToLookup(t => t.SubjectId);
            // Points as the decision's input: live until finalised, then the totals kept with the result.
            var live = round.Status == AppraisalStatus.Final ? [] : await PointLedger.YearTotalsAsync(db, round.TenantId, round.Year, ids, ct);
            var members = round.Participants.OrderBy(p => p.IsProbationary).ThenBy(p => names[p.PersonId].NameInitials).Select(p => new Member(
                p.PersonId, names[p.PersonId].Name, p.IsProbationary, p.SelfAssessment, p.VotedAt is not null,
                AppraisalRules.Grades.ToDictionary(g => g, g => tallies[p.PersonId].Where(t => t.Grade == g).Sum(t => t.Count)),
                p.PointsTotal ?? live.GetValueOrDefault(p.PersonId), p.Grade, p.GradeNote, p.VotedOnPaper)).ToList();
            return new View(round, orgName, members);
        }

        /// <summary>Rounds in the user's subtree for a year, and the branches that have not opened one.</summary>
        public async Task<(List<(long RoundId, long OrgId, string OrgName, AppraisalStatus Status, int Members, int Voted)> Rounds,
            List<(long OrgId, string Name)> NotOpened)> ListAsync(Scope scope, int year, CancellationToken ct = default)
        {
            var branches = (await db.Organizations.AsNoTracking().Where(scope.OrgFilter(Permissions.Appraisal.Manage)).Where(o => o.ClosedAt == null)
                .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Type }).ToListAsync(ct)).Where(o => o.Type.IsBranch()).ToList();
            var ids = branches.Select(b => b.Id).ToList();
            var rounds = await db.AppraisalRounds.AsNoTracking().Where(r => r.Year == year && ids.Contains(r.OrgId))
                .Select(r => new { r.Id, r.OrgId, r.Status, Members = r.Participants.Count, Voted = r.Participants.Count(p => p.VotedAt != null) }).ToListAsync(ct);
            return (branches.Where(b => rounds.Any(r => r.OrgId == b.Id)).Select(b => rounds.First(r => r.OrgId == b.Id) is var r
                    ? (r.Id, b.Id, b.Name, r.Status, r.Members, r.Voted) : default).ToList(),
                branches.Where(b => rounds.All(r => r.OrgId != b.Id)).Select(b => (b.Id, b.Name)).ToList());
        }
    }
}
