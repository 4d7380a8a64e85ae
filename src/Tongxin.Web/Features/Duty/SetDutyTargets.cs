using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Duty;

/// <summary>The office sets the year's 五个一 targets (0 leaves an item out).</summary>
public static class SetDutyTargets
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> Handle(long tenantId, int year, IReadOnlyDictionary<FiveOneItem, int> targets, Scope scope, CancellationToken ct = default)
        {
            if (!scope.HoldsIn(tenantId, Permissions.Proposals.Review)) return Error.Forbidden();
            if (targets.Values.Any(v => v is < 0 or > 20)) return Error.Validation("每项目标应在 0 到 20 之间", "Targets");
            if (targets.Values.All(v => v == 0)) return Error.Validation("至少设定一项目标", "Targets");
            var rows = await db.DutyTargets.Where(t => t.TenantId == tenantId && t.Year == year).ToListAsync(ct);
            foreach (var item in FiveOne.Items)
            {
                var row = rows.FirstOrDefault(r => r.Item == item);
                if (row is null) db.DutyTargets.Add(row = new DutyTarget { TenantId = tenantId, Year = year, Item = item });
                row.MinCount = targets.GetValueOrDefault(item);
            }
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
