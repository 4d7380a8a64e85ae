using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Stars;

/// <summary>A branch's checklist for a year: each item with its computed figure, the branch's score and the review; and its history.</summary>
public static class GetBranchRating
{
    public sealed record Item(StarTemplateItem Template, double? Computed, string? Basis, double? SelfScore, string? Evidence,
        double? ReviewScore, string? ReviewNote);

    public sealed record Year(int Value, StarRatingStatus Status, double? SelfTotal, int? SelfStars, double? ReviewTotal, int? ReviewStars);

    public sealed record View(Organization Branch, int Year, StarChecklist Checklist, StarRating? Rating, IReadOnlyList<Item> Items,
        IReadOnlyList<Year> History, bool CanAssess, bool CanReview);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View?> Handle(long orgId, int year, Scope scope, DateOnly today, CancellationToken ct = default)
        {
            if (await StarAccess.BranchAsync(db, orgId, scope, Permissions.Stars.View, ct) is not { } branch) return null;
            var checklist = await StarChecklist.LoadAsync(db, branch.TenantId, year, ct);
            var rating = await db.StarRatings.AsNoTracking().Include(r => r.Scores).FirstOrDefaultAsync(r => r.OrgId == orgId && r.Year == year, ct);
            // A draft shows today's figures; a submitted rating shows the figures it was submitted with.
            var live = rating is null or { Status: StarRatingStatus.Draft } ? await StarInputs.ForAsync(db, branch, checklist, today, ct) : [];
            var items = checklist.Items.Select(i =>
            {
                var s = rating?.Scores.FirstOrDefault(x => x.ItemCode == i.Code);
                var computed = live.GetValueOrDefault(i.Code);
                return i.Source == StarSource.Manual
                    ? new Item(i, null, null, s?.SelfScore, s?.Evidence, s?.ReviewScore, s?.ReviewNote)
                    : new Item(i, computed?.Score ?? s?.SelfScore, computed?.Basis ?? s?.Basis, computed?.Score ?? s?.SelfScore, s?.Evidence, s?.ReviewScore, s?.ReviewNote);
            }).ToList();
            var history = await db.StarRatings.AsNoTracking().Where(r => r.OrgId == orgId).OrderByDescending(r => r.Year)
                .Select(r => new Year(r.Year, r.Status, r.SelfTotal, r.SelfStars, r.ReviewTotal, r.ReviewStars)).ToListAsync(ct);
            return new View(branch, year, checklist, rating, items, history,
                scope.Can(Permissions.Stars.Assess, branch.Path), scope.Can(Permissions.Stars.Review, branch.Path));
        }
    }
}
