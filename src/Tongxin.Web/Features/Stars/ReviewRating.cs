using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Stars;

/// <summary>
/// The organ party committee reviews a submitted self-assessment: it confirms or adjusts each item (an adjustment
/// needs a reason) and the stars follow the year's thresholds; or it sends the rating back with a reason.
/// </summary>
public static class ReviewRating
{
    public sealed record Input(double? Score, string? Note);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<int>> Handle(long ratingId, bool approve, IReadOnlyDictionary<string, Input> input, string? note, Scope scope,
            string userName, DateTime utcNow, CancellationToken ct = default)
        {
            var rating = await db.StarRatings.Include(r => r.Scores).FirstOrDefaultAsync(r => r.Id == ratingId, ct);
            if (rating is null || await StarAccess.BranchAsync(db, rating.OrgId, scope, Permissions.Stars.Review, ct) is null) return Error.NotFound();
            if (rating.Status != StarRatingStatus.Submitted) return Error.Conflict("只有已提交的自评可以评定");
            if (rating.SubmittedBy == userName) return Error.Forbidden("评定须由提交自评以外的人进行");
            var branchPath = await db.Organizations.Where(o => o.Id == rating.OrgId).Select(o => o.Path).FirstAsync(ct);
            if (ConflictOfInterest.CheckOrg(scope, branchPath) is { } own) return own;
            note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();

            if (!approve)
            {
                if (note is null) return Error.Validation("退回请说明理由", "Note");
                (rating.Status, rating.ReviewNote, rating.SelfTotal, rating.SelfStars) = (StarRatingStatus.Draft, note, null, null);
                return await SaveAsync(ct) ? 0 : Error.Conflict("该自评已由他人处理");
            }

            var checklist = await StarChecklist.LoadAsync(db, rating.TenantId, rating.Year, ct);
            var scores = new Dictionary<string, double>();
            foreach (var item in checklist.Items)
            {
                var row = rating.Scores.FirstOrDefault(s => s.ItemCode == item.Code);
                if (row is null) rating.Scores.Add(row = new StarScore { ItemCode = item.Code });
                var given = input.GetValueOrDefault(item.Code);
                var score = Math.Round(given?.Score ?? row.SelfScore, 1);
                if (score < 0 || score > item.MaxScore) return Error.Validation("得分应在 0 到该项满分之间", item.Code);
                var why = string.IsNullOrWhiteSpace(given?.Note) ? null : given.Note.Trim();
                if (score != row.SelfScore && why is null) return Error.Validation("调整自评分的项目请说明理由", item.Code);
                (row.ReviewScore, row.ReviewNote) = (score, why);
                scores[item.Code] = score;
            }
            (rating.ReviewTotal, rating.ReviewStars) = checklist.Rate(scores);
            (rating.Status, rating.ReviewedBy, rating.ReviewedAt, rating.ReviewNote) = (StarRatingStatus.Reviewed, userName, utcNow, note);
            return await SaveAsync(ct) ? rating.ReviewStars!.Value : Error.Conflict("该自评已由他人处理");
        }

        async Task<bool> SaveAsync(CancellationToken ct)
        {
            try { await db.SaveChangesAsync(ct); return true; }
            catch (DbUpdateConcurrencyException) { return false; }
        }
    }
}
