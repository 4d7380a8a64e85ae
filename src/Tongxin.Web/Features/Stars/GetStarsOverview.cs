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

    /// <summary>A unit (the organisation its branches sit under): how its branches were rated, and whether that puts it in the bottom band.</summary>
    public sealed record Unit(long OrgId, string Name, int Branches, int Reviewed, int FourOrMore, bool? BottomBand);

    public sealed record View(int Year, IReadOnlyList<Row> Rows, IReadOnlyList<Unit> Units)
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
                    .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Type, o.ParentId, o.TenantId }).ToListAsync(ct))
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

            var parentIds = branches.Select(b => b.ParentId).OfType<long>().Distinct().ToList();
            var parents = await db.Organizations.Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var checklists = new Dictionary<long, StarChecklist>();
            foreach (var tenant in branches.Select(b => b.TenantId).Distinct())
                checklists[tenant] = await StarChecklist.LoadAsync(db, tenant, year, ct);
            var byId = rows.ToDictionary(r => r.OrgId);
            var units = branches.Where(b => b.ParentId is not null).GroupBy(b => (Parent: b.ParentId!.Value, b.TenantId)).Select(g =>
            {
                var mine = g.Select(b => byId[b.Id]).ToList();
                var (reviewed, fourOrMore) = (mine.Count(r => r.ReviewStars is not null), mine.Count(r => r.ReviewStars >= 4));
                return new Unit(g.Key.Parent, parents[g.Key.Parent], mine.Count, reviewed, fourOrMore,
                    checklists[g.Key.TenantId].InBottomBand(mine.Count, reviewed, fourOrMore));
            }).ToList();
            return new View(year, rows, units);
        }
    }
}
