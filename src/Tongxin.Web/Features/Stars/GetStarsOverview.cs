using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Stars;

/// <summary>Every rated branch in the user's subtree for a year: where its rating stands, its stars and last year's.</summary>
public static class GetStarsOverview
{
    public sealed record Row(long OrgId, string Name, StarRatingStatus? Status, double? SelfTotal, int? SelfStars, int? ReviewStars, int? LastYearStars)
    {
        /// <summary>+1 up, −1 down, 0 the same, null when either year has no reviewed stars.</summary>
        public int? Change => ReviewStars is { } now && LastYearStars is { } before ? Math.Sign(now - before) : null;
    }

    public sealed record View(int Year, IReadOnlyList<Row> Rows)
    {
        public int Submitted => Rows.Count(r => r.Status is StarRatingStatus.Submitted or StarRatingStatus.Reviewed);
        public int Reviewed => Rows.Count(r => r.Status == StarRatingStatus.Reviewed);
        public int SelfWithStars(int stars) => Rows.Count(r => r.SelfStars == stars && r.Status != StarRatingStatus.Draft);
        public int WithStars(int stars) => Rows.Count(r => r.ReviewStars == stars && r.Status == StarRatingStatus.Reviewed);
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View> Handle(Scope scope, int year, CancellationToken ct = default)
        {
            var branches = (await db.Organizations.AsNoTracking().Where(scope.OrgFilter(Permissions.Stars.View)).Where(o => o.ClosedAt == null)
                    .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Type }).ToListAsync(ct))
                .Where(o => StarAccess.IsRated(o.Type)).ToList();
            var ids = branches.Select(b => b.Id).ToList();
            var ratings = await db.StarRatings.AsNoTracking().Where(r => ids.Contains(r.OrgId) && (r.Year == year || r.Year == year - 1))
                .Select(r => new { r.OrgId, r.Year, r.Status, r.SelfTotal, r.SelfStars, r.ReviewStars }).ToListAsync(ct);
            var rows = branches.Select(b =>
            {
                var now = ratings.FirstOrDefault(r => r.OrgId == b.Id && r.Year == year);
                var before = ratings.FirstOrDefault(r => r.OrgId == b.Id && r.Year == year - 1 && r.Status == StarRatingStatus.Reviewed);
                return new Row(b.Id, b.Name, now?.Status, now?.SelfTotal, now?.SelfStars,
                    now?.Status == StarRatingStatus.Reviewed ? now.ReviewStars : null, before?.ReviewStars);
            }).ToList();
            return new View(year, rows);
        }
    }
}
