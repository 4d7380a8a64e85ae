using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Duty;

/// <summary>The office keeps the year's 履职 scoring scheme.</summary>
public static class SetDutyScheme
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> Handle(long tenantId, int year, DutyScheme input, Scope scope, CancellationToken ct = default)
        {
            if (!scope.HoldsIn(tenantId, Permissions.Proposals.Review)) return Error.Forbidden();
            if (input.Base is < 0 or > 200 || input.MaxBonus is < 0 or > 200) return Error.Validation("基础分和加分上限应在 0 到 200 之间", "Base");
            if (input.PlenaryAbsent > 0 || input.PlenaryExcused > 0) return Error.Validation("缺席扣分应为负数或 0", "PlenaryAbsent");
            if (input.ExtraProposal < 0 || input.KeyProposal < 0 || input.ExcellentProposal < 0 || input.PublicGood < 0 || input.PublicGoodCap < 0)
                return Error.Validation("加分项应为正数或 0", "ExtraProposal");
            if (input.ExcellentAt <= input.CompetentAt) return Error.Validation("优秀分数线应高于称职分数线", "ExcellentAt");
            var row = await db.DutySchemes.FirstOrDefaultAsync(s => s.TenantId == tenantId && s.Year == year, ct);
            if (row is null) db.DutySchemes.Add(row = new DutyScheme { TenantId = tenantId, Year = year });
            (row.Base, row.MaxBonus, row.PlenaryAbsent, row.PlenaryExcused) = (input.Base, input.MaxBonus, input.PlenaryAbsent, input.PlenaryExcused);
            (row.ExtraProposal, row.KeyProposal, row.ExcellentProposal) = (input.ExtraProposal, input.KeyProposal, input.ExcellentProposal);
            (row.PublicGood, row.PublicGoodCap, row.ExcellentAt, row.CompetentAt) = (input.PublicGood, input.PublicGoodCap, input.ExcellentAt, input.CompetentAt);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
