using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>A tenant changes the required frequency of an activity type from a date on (audited like every change).</summary>
public static class SetFrequency
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long tenantId, ActivityType type, DateOnly effectiveFrom, RulePeriod period, int minCount,
            Scope scope, CancellationToken ct = default)
        {
            if (!scope.HoldsIn(tenantId, Permissions.OrgLife.Rules))
                return Error.Forbidden();
            if (minCount < 0 || minCount > 31) return Error.Validation("次数应在0到31之间", "MinCount");
            if (period == RulePeriod.None && minCount > 0) return Error.Validation("不作要求时次数应为0", "MinCount");
            var rule = await db.FrequencyRules.FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Type == type && r.EffectiveFrom == effectiveFrom, ct);
            rule ??= db.FrequencyRules.Add(new FrequencyRule { TenantId = tenantId, Type = type, EffectiveFrom = effectiveFrom }).Entity;
            rule.Period = period;
            rule.MinCount = minCount;
            await db.SaveChangesAsync(ct);
            return rule.Id;
        }
    }
}
