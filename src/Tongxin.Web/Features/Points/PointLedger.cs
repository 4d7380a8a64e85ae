using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Points;

/// <summary>Ledger rules shared by every award: a source counts while it has an odd number of entries (award, reversal, award…).</summary>
public static class PointLedger
{
    public static bool IsLive(int entriesOfSource) => entriesOfSource % 2 == 1;

    /// <summary>The sources among <paramref name="keys"/> whose award currently counts.</summary>
    public static async Task<HashSet<string>> LiveAsync(AppDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct) =>
        keys.Count == 0 ? [] : (await db.PointEntries.Where(e => keys.Contains(e.SourceKey)).GroupBy(e => e.SourceKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Where(g => IsLive(g.Count)).Select(g => g.Key).ToHashSet();

    /// <summary>Reverses the live award of a source, if any, by a new entry of the opposite points.</summary>
    public static async Task ReverseAsync(AppDbContext db, string sourceKey, string reason, string userName, DateTime utcNow, CancellationToken ct = default)
    {
        var entries = await db.PointEntries.AsNoTracking().Where(e => e.SourceKey == sourceKey).OrderBy(e => e.Id).ToListAsync(ct);
        if (!IsLive(entries.Count)) return;
        db.PointEntries.Add(PointEntry.Reversal(entries[^1], reason, userName, utcNow));
    }

    /// <summary>Sums per person of one item in one cap period, for applying caps to a batch with one query.</summary>
    public static async Task<Dictionary<long, int>> SumsAsync(AppDbContext db, IReadOnlyCollection<long> people, string code, Period period, CancellationToken ct) =>
        await db.PointEntries.Where(e => people.Contains(e.PersonId) && e.RuleCode == code && e.On >= period.Start && e.On <= period.End)
            .GroupBy(e => e.PersonId).Select(g => new { g.Key, Sum = g.Sum(e => e.Points) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);

    public static Period CapPeriodOf(PointRuleItem item, DateOnly day) =>
        Period.Of(item.CapPeriod == RulePeriod.None ? RulePeriod.Year : item.CapPeriod, day);

    /// <summary>Each person's year total under the tenant's rules (base plus entries, floored); people without entries get the base.</summary>
    public static async Task<Dictionary<long, int>> YearTotalsAsync(AppDbContext db, long tenantId, int year, IReadOnlyCollection<long> people, CancellationToken ct)
    {
        var book = await PointRuleBook.LoadAsync(db, tenantId, year, ct);
        var sums = await db.PointEntries.Where(e => e.Year == year && people.Contains(e.PersonId))
            .GroupBy(e => e.PersonId).Select(g => new { g.Key, Sum = g.Sum(e => e.Points) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        return people.ToDictionary(p => p, p => book.Total([sums.GetValueOrDefault(p)]));
    }
}
