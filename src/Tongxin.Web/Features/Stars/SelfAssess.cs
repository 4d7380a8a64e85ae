using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Stars;

/// <summary>
/// The branch scores itself: hand-scored items with evidence, computed items from its records. Saving keeps a draft;
/// submitting fixes the scores and the computed figures and sends the rating to the organ party committee.
/// </summary>
public static class SelfAssess
{
    public sealed record Input(double? Score, string? Evidence);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long orgId, int year, IReadOnlyDictionary<string, Input> input, bool submit, Scope scope,
            string userName, DateTime utcNow, DateOnly today, CancellationToken ct = default)
        {
            if (await StarAccess.BranchAsync(db, orgId, scope, Permissions.Stars.Assess, ct) is not { } branch) return Error.Forbidden("无权为此支部自评");
            if (year > today.Year) return Error.Validation("不能为未来年度自评", "Year");
            var rating = await db.StarRatings.Include(r => r.Scores).FirstOrDefaultAsync(r => r.OrgId == orgId && r.Year == year, ct);
            if (rating is { Status: not StarRatingStatus.Draft }) return Error.Conflict("自评已提交，不能再修改");
            var checklist = await StarChecklist.LoadAsync(db, branch.TenantId, year, ct);
            var computed = await StarInputs.ForAsync(db, branch, checklist, today, ct);

            var scores = new Dictionary<string, (double Score, string? Basis, string? Evidence)>();
            foreach (var item in checklist.Items)
            {
                var given = input.GetValueOrDefault(item.Code);
                var evidence = string.IsNullOrWhiteSpace(given?.Evidence) ? null : given.Evidence.Trim();
                if (computed.TryGetValue(item.Code, out var c)) { scores[item.Code] = (c.Score, c.Basis, evidence); continue; }
                var score = given?.Score ?? 0;
                if (score < 0 || score > item.MaxScore) return Error.Validation("得分应在 0 到该项满分之间", item.Code);
                if (submit && score > 0 && evidence is null) return Error.Validation("提交前请为每个得分项填写依据", item.Code);
                scores[item.Code] = (Math.Round(score, 1), null, evidence);
            }

            if (rating is null)
            {
                await StarAccess.EnsureTemplateAsync(db, checklist, ct);
                rating = new StarRating { TenantId = branch.TenantId, OrgId = orgId, Year = year, Status = StarRatingStatus.Draft };
                db.StarRatings.Add(rating);
            }
            foreach (var (code, (score, basis, evidence)) in scores)
            {
                var row = rating.Scores.FirstOrDefault(s => s.ItemCode == code);
                if (row is null) rating.Scores.Add(row = new StarScore { ItemCode = code });
                (row.SelfScore, row.Basis, row.Evidence) = (score, basis, evidence);
            }
            if (submit)
            {
                (rating.SelfTotal, rating.SelfStars) = checklist.Rate(scores.ToDictionary(s => s.Key, s => s.Value.Score));
                (rating.Status, rating.SubmittedBy, rating.SubmittedAt) = (StarRatingStatus.Submitted, userName, utcNow);
            }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) when (rating.Id == 0 || submit) { return Error.Conflict("自评已由他人保存或提交，请刷新后再试"); }
            return rating.Id;
        }
    }
}
