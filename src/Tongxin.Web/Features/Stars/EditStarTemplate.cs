using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Stars;

/// <summary>
/// The organ party committee keeps the year's checklist: thresholds and items. A new year starts as a copy of the
/// last one (or the defaults). Once a branch has submitted for the year the checklist is fixed, so every branch is
/// rated against the same items.
/// </summary>
public static class EditStarTemplate
{
    public sealed record ItemInput(string? Code, string? Group, string? Name, double? MaxScore, StarSource Source, int? Target, bool IsInnovation, bool Remove);

    public sealed record Input(double FiveAt, double FourAt, double ThreeAt, double TwoAt, IReadOnlyList<ItemInput> Items,
        int BottomBandBranches = StarChecklist.DefaultBottomBandBranches);

    public static StarTemplate Copy(StarChecklist from, int? year = null) => new()
    {
        TenantId = from.TenantId, Year = year ?? from.Year,
        FiveAt = from.FiveAt, FourAt = from.FourAt, ThreeAt = from.ThreeAt, TwoAt = from.TwoAt, BottomBandBranches = from.BottomBandBranches,
        Items = from.Items.Select((i, n) => new StarTemplateItem
        {
            Order = n, Code = i.Code, Group = i.Group, Name = i.Name, MaxScore = i.MaxScore, Source = i.Source, Target = i.Target, IsInnovation = i.IsInnovation,
        }).ToList(),
    };

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> Handle(long tenantId, int year, Input input, Scope scope, CancellationToken ct = default)
        {
            if (!CanKeep(scope, tenantId)) return Error.Forbidden();
            if (await FixedAsync(tenantId, year, ct)) return Error.Conflict("本年度已有支部提交自评，评分细则不能再修改");
            if (!(input.FiveAt >= input.FourAt && input.FourAt >= input.ThreeAt && input.ThreeAt >= input.TwoAt && input.TwoAt > 0))
                return Error.Validation("星级分数线应从五星到二星依次降低且大于 0", "FiveAt");
            if (input.BottomBandBranches is < 2 or > 100) return Error.Validation("末档单位的支部数应在 2 到 100 之间", "BottomBandBranches");

            var kept = input.Items.Where(i => !i.Remove && !(string.IsNullOrWhiteSpace(i.Name) && i.MaxScore is null)).ToList();
            if (kept.Count == 0) return Error.Validation("评分细则至少要有一项", "Items");
            foreach (var i in kept)
            {
                if (string.IsNullOrWhiteSpace(i.Name) || string.IsNullOrWhiteSpace(i.Group)) return Error.Validation("请填写每一项的类别和内容", "Items");
                if (i.MaxScore is not (> 0 and <= 100)) return Error.Validation("每项满分应在 0 到 100 之间", "Items");
                if (i.Source == StarSource.AveragePoints && i.Target is not > 0) return Error.Validation("积分平均分项须填写目标分", "Items");
            }
            if (kept.Count(i => i.Source == StarSource.ActivitiesHeld) > 1 || kept.Count(i => i.Source == StarSource.AveragePoints) > 1)
                return Error.Validation("每种自动计算的项目只能有一项", "Items");

            var template = await db.StarTemplates.Include(t => t.Items).FirstOrDefaultAsync(t => t.TenantId == tenantId && t.Year == year, ct);
            if (template is null)
            {
                template = Copy(await StarChecklist.LoadAsync(db, tenantId, year, ct));
                db.StarTemplates.Add(template);
            }
            (template.FiveAt, template.FourAt, template.ThreeAt, template.TwoAt) = (input.FiveAt, input.FourAt, input.ThreeAt, input.TwoAt);
            template.BottomBandBranches = input.BottomBandBranches;
            var codes = new HashSet<string>();
            var items = new List<StarTemplateItem>();
            foreach (var (i, n) in kept.Select((i, n) => (i, n)))
            {
                var code = string.IsNullOrWhiteSpace(i.Code) ? $"item-{Guid.NewGuid():N}"[..13] : i.Code.Trim();
                if (!codes.Add(code)) return Error.Validation("评分细则项目重复", "Items");
                var row = template.Items.FirstOrDefault(x => x.Code == code) ?? new StarTemplateItem { Code = code };
                (row.Order, row.Group, row.Name, row.MaxScore, row.Source, row.Target, row.IsInnovation) =
                    (n, i.Group!.Trim(), i.Name!.Trim(), Math.Round(i.MaxScore!.Value, 1), i.Source, i.Source == StarSource.AveragePoints ? i.Target : null, i.IsInnovation);
                items.Add(row);
            }
            foreach (var gone in template.Items.Except(items).ToList()) template.Items.Remove(gone);
            foreach (var added in items.Except(template.Items).ToList()) template.Items.Add(added);
            // Drafts keep no score for a removed item.
            var removed = await db.StarScores.Where(s => db.StarRatings.Any(r => r.Id == s.RatingId && r.TenantId == tenantId && r.Year == year)
                && !codes.Contains(s.ItemCode)).ToListAsync(ct);
            db.StarScores.RemoveRange(removed);
            await db.SaveChangesAsync(ct);
            return true;
        }

        public async Task<bool> FixedAsync(long tenantId, int year, CancellationToken ct) =>
            await db.StarRatings.AnyAsync(r => r.TenantId == tenantId && r.Year == year && r.Status != StarRatingStatus.Draft, ct);

        public static bool CanKeep(Scope scope, long tenantId) =>
            scope.HoldsIn(tenantId, Permissions.Stars.Review);
    }
}
