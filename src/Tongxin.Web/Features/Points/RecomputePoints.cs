using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// After a year's rules change: work out afresh what every automatic award (sign-ins, absences) should be under the
/// rules now kept — versions by date, caps in date order — list what would change and why, and on confirmation write
/// a reversal and a new entry for each. Manual awards keep what their approver approved.
/// </summary>
public static class RecomputePoints
{
    public sealed record Change(long PersonId, string Reason, DateOnly On, int OldPoints, int? NewPoints, string OldRule, string? NewRule, string Why);

    sealed record Source(PointEntry Live, ActivityType? Type);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Change>> PreviewAsync(long tenantId, int year, CancellationToken ct = default) =>
            (await PlanAsync(tenantId, year, ct)).Select(p => p.Change).ToList();

        public async Task<int> ApplyAsync(long tenantId, int year, string userName, DateTime utcNow, CancellationToken ct = default)
        {
            var plan = await PlanAsync(tenantId, year, ct);
            foreach (var (change, live, item, note) in plan)
            {
                db.PointEntries.Add(PointEntry.Reversal(live, $"规则调整，冲销：{live.Reason}", userName, utcNow));
                if (item is not null)
                    db.PointEntries.Add(PointEntry.Under(item, live.TenantId, live.PersonId, live.On, change.NewPoints!.Value, note, live.Reason,
                        live.SourceKey, live.ActivityId, userName, null, utcNow));
            }
            await db.SaveChangesAsync(ct);
            return plan.Count;
        }

        async Task<List<(Change Change, PointEntry Live, PointRuleItem? Item, string? Note)>> PlanAsync(long tenantId, int year, CancellationToken ct)
        {
            var entries = await db.PointEntries.AsNoTracking()
                .Where(e => e.TenantId == tenantId && e.Year == year && (e.SourceKey.StartsWith("signin:") || e.SourceKey.StartsWith("absent:")))
                .OrderBy(e => e.Id).ToListAsync(ct);
            var lives = entries.GroupBy(e => e.SourceKey).Where(g => PointLedger.IsLive(g.Count())).Select(g => g.Last()).ToList();
            var activityIds = lives.Select(l => l.ActivityId).OfType<long>().Distinct().ToList();
            var types = await db.Activities.Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Type, ct);
            var book = await PointRuleBook.LoadAsync(db, tenantId, year, ct);
            var absentCode = book.Items.FirstOrDefault(i => i.Trigger == PointTrigger.AbsentWithoutLeave)?.Code;

            // Every other entry of the year already counts toward caps (manual awards, test data…); automatic ones are redone.
            var automatic = entries.Select(e => e.Id).ToHashSet();
            var counted = new Dictionary<(long, string, Period), int>();
            foreach (var e in await db.PointEntries.AsNoTracking().Where(e => e.TenantId == tenantId && e.Year == year && e.RuleCode != null).ToListAsync(ct))
                if (!automatic.Contains(e.Id) && book.ItemOn(e.RuleCode!, e.On) is { } i)
                {
                    var slot = (e.PersonId, i.Code, PointLedger.CapPeriodOf(i, e.On));
                    counted[slot] = counted.GetValueOrDefault(slot) + e.Points;
                }

            var plan = new List<(Change, PointEntry, PointRuleItem?, string?)>();
            foreach (var live in lives.OrderBy(l => l.On).ThenBy(l => l.Id))
            {
                var item = live.SourceKey.StartsWith("signin:")
                    ? live.ActivityId is { } a && types.TryGetValue(a, out var type) ? book.ForAttendance(type, live.On) : null
                    : absentCode is null ? null : book.ItemOn(absentCode, live.On);
                int? points = null; string? note = null;
                if (item is not null)
                {
                    var slot = (live.PersonId, item.Code, PointLedger.CapPeriodOf(item, live.On));
                    (var p, note) = PointRuleBook.ApplyCap(item, counted.GetValueOrDefault(slot));
                    counted[slot] = counted.GetValueOrDefault(slot) + p;
                    points = p;
                }
                var oldRule = $"{live.RuleCode} v{live.RuleVersion}";
                var newRule = item is null ? null : $"{item.Code} v{item.Version}";
                if (points == live.Points && newRule == oldRule) continue;
                var why = item is null ? "规则项已停用" : points != live.Points ? (note ?? $"分值改为{item.Points:+0;-0}") : "规则版本更新";
                plan.Add((new Change(live.PersonId, live.Reason, live.On, live.Points, points, oldRule, newRule, why), live, item, note));
            }
            return plan;
        }
    }
}
