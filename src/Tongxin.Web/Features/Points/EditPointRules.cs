using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// A tenant's rules for a year: adopted as a copy of the last year's (or of the defaults), changed by adding a new
/// version of an item from a date, and locked when the year is settled. Every change is audited by the save.
/// </summary>
public static class EditPointRules
{
    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Starts the year's rules as a copy of the latest earlier year, or of the defaults.</summary>
        public async Task<Result<long>> AdoptAsync(long tenantId, int year, CancellationToken ct = default)
        {
            if (await db.PointRuleSets.AnyAsync(s => s.TenantId == tenantId && s.Year == year, ct)) return Error.Conflict("该年度规则已建立");
            var previous = await db.PointRuleSets.Where(s => s.TenantId == tenantId && s.Year < year).OrderByDescending(s => s.Year).FirstOrDefaultAsync(ct);
            var book = previous is null ? null : await PointRuleBook.LoadAsync(db, tenantId, previous.Year, ct);
            var set = new PointRuleSet
            {
                TenantId = tenantId, Year = year, Base = book?.Base ?? PointRuleBook.DefaultBase, Floor = book?.Floor ?? PointRuleBook.DefaultFloor,
            };
            db.PointRuleSets.Add(set);
            await db.SaveChangesAsync(ct);
            var latest = (book?.Items ?? PointRuleBook.Defaults).GroupBy(i => i.Code).Select(g => g.OrderByDescending(i => i.Version).First());
            db.PointRuleItems.AddRange(latest.Select(i => new PointRuleItem
            {
                TenantId = tenantId, RuleSetId = set.Id, Code = i.Code, Version = 1, EffectiveFrom = new DateOnly(year, 1, 1), Name = i.Name,
                Category = i.Category, Trigger = i.Trigger, ActivityType = i.ActivityType, Points = i.Points, CapPeriod = i.CapPeriod, Cap = i.Cap,
                NeedsApproval = i.NeedsApproval, Proposer = i.Proposer, Active = i.Active,
            }));
            await db.SaveChangesAsync(ct);
            return set.Id;
        }

        /// <summary>Changes an item from a date: a new version; awards before that date keep the version they were made under.</summary>
        public async Task<Result<long>> ChangeItemAsync(long tenantId, int year, string code, int points, int? cap, bool active, DateOnly from,
            bool? needsApproval = null, ProposerLevel? proposer = null, CancellationToken ct = default)
        {
            var set = await db.PointRuleSets.FirstOrDefaultAsync(s => s.TenantId == tenantId && s.Year == year, ct);
            if (set is null) return Error.NotFound("本年度尚未建立积分规则");
            if (set.LockedAt is not null) return Error.Conflict("该年度规则已锁定，不能修改");
            if (from.Year != year) return Error.Validation("生效日期须在所选年度内", "From");
            if (cap is < 0) return Error.Validation("上限不能为负数", "Cap");
            var current = await db.PointRuleItems.Where(i => i.RuleSetId == set.Id && i.Code == code).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
            if (current is null) return Error.NotFound("规则项不存在");
            if (from < current.EffectiveFrom) return Error.Validation("生效日期不能早于当前版本的生效日期", "From");
            var next = new PointRuleItem
            {
                TenantId = tenantId, RuleSetId = set.Id, Code = code, Version = current.Version + 1, EffectiveFrom = from, Name = current.Name,
                Category = current.Category, Trigger = current.Trigger, ActivityType = current.ActivityType, Points = points,
                CapPeriod = current.CapPeriod, Cap = cap, Active = active,
                // Who proposes and whether a second person approves matter only for manual items.
                NeedsApproval = current.Trigger == PointTrigger.Manual ? needsApproval ?? current.NeedsApproval : current.NeedsApproval,
                Proposer = current.Trigger == PointTrigger.Manual ? proposer ?? current.Proposer : current.Proposer,
            };
            db.PointRuleItems.Add(next);
            await db.SaveChangesAsync(ct);
            return next.Id;
        }

        public async Task<Result<bool>> LockAsync(long tenantId, int year, string userName, DateTime utcNow, CancellationToken ct = default)
        {
            var set = await db.PointRuleSets.FirstOrDefaultAsync(s => s.TenantId == tenantId && s.Year == year, ct);
            if (set is null) return Error.NotFound("本年度尚未建立积分规则");
            if (set.LockedAt is not null) return Error.Conflict("该年度规则已锁定");
            (set.LockedAt, set.LockedBy) = (utcNow, userName);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
