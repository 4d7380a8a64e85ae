using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>A member's rounds: what they wrote, whether they voted, whom to grade, and — once final — their own result.</summary>
public static class GetMyAppraisal
{
    public sealed record Colleague(long PersonId, string Name);

    public sealed record Mine(long RoundId, int Year, string OrgName, AppraisalStatus Status, bool IsProbationary, string? SelfAssessment,
        bool Voted, IReadOnlyList<Colleague> ToGrade, AppraisalGrade? Grade, string? GradeNote, int? Points);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<List<Mine>> Handle(long personId, CancellationToken ct = default)
        {
            var rounds = await (from p in db.AppraisalParticipants
                                join r in db.AppraisalRounds on p.RoundId equals r.Id
                                join o in db.Organizations on r.OrgId equals o.Id
                                where p.PersonId == personId
                                orderby r.Year descending
                                select new { r.Id, r.Year, OrgName = o.Name, r.Status, p.IsProbationary, p.SelfAssessment, p.VotedAt, p.Grade, p.GradeNote, p.PointsTotal })
                .ToListAsync(ct);
            var result = new List<Mine>();
            foreach (var r in rounds)
            {
                var toGrade = r.Status == AppraisalStatus.Open && r.VotedAt is null
                    ? await (from p in db.AppraisalParticipants join person in db.People on p.PersonId equals person.Id
                             where p.RoundId == r.Id && !p.IsProbationary && p.PersonId != personId
                             orderby person.NameInitials select new Colleague(person.Id, person.Name)).ToListAsync(ct)
                    : [];
                var final = r.Status == AppraisalStatus.Final;
                result.Add(new Mine(r.Id, r.Year, r.OrgName, r.Status, r.IsProbationary, r.SelfAssessment, r.VotedAt is not null, toGrade,
                    final ? r.Grade : null, final ? r.GradeNote : null, final ? r.PointsTotal : null));
            }
            return result;
        }
    }
}
