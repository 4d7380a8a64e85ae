using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Duty;

/// <summary>
/// The third-quarter 五个一 reminder for the staff who follow the members: from July to September, one alert per unit
/// on its 政协委员 body saying how many members still have open items, by 界别; the message follows the records on
/// each hourly run and the alert closes when nobody has gaps or the quarter is over. Members see their own open
/// items on their pages (<see cref="FiveOne.Q3Reminder"/>).
/// </summary>
public static class RaiseFiveOneReminders
{
    public const string Kind = "fiveone-q3";

    public sealed class Handler(AppDbContext db, GetFiveOne.Handler fiveOne)
    {
        public async Task<int> RunAsync(DateOnly today, CancellationToken ct = default)
        {
            var tenants = await db.People.Where(p => p.IsCppccMember).Select(p => p.TenantId).Distinct().ToListAsync(ct);
            var wanted = new Dictionary<string, Alert>();
            foreach (var tenant in tenants)
            {
                var view = await fiveOne.Handle(tenant, today.Year, ct: ct);
                var open = view.Members.Where(m => FiveOne.Q3Reminder(today, today.Year, m.Gaps) is not null).ToList();
                if (open.Count == 0) continue;
                var sectors = open.GroupBy(m => m.Sector ?? "未填界别").OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
                var bySector = string.Join("、", sectors.Take(6).Select(g => $"{g.Key} {g.Count()}")) + (sectors.Count > 6 ? "等" : "");
                var body = await db.Organizations.Where(o => o.TenantId == tenant && o.Type == OrgType.MemberBody && o.ClosedAt == null)
                    .OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct) ?? tenant;
                var key = $"{Kind}:{tenant}:{today.Year}";
                wanted[key] = new Alert
                {
                    TenantId = tenant, OrgId = body, Kind = Kind, Key = key, CreatedAt = DateTime.UtcNow,
                    Message = $"第三季度“五个一”提醒：{open.Count} 名委员本年度尚有缺项（{bySector}），请督促在年底前完成",
                };
            }
            return await AlertSync.SyncAsync(db, Kind, wanted, ct);
        }
    }
}
