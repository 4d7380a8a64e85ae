using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Dashboard;

/// <summary>
/// 出席率 by month: of the people expected at the held activities of some organisations, how many signed in. One row
/// per held activity with attendees comes back (its start and two counts), and the months are the unit's local months.
/// </summary>
public static class AttendanceByMonth
{
    public sealed record Month(int Number, int Expected, int Present)
    {
        public double? Rate => Expected == 0 ? null : Math.Round(100.0 * Present / Expected, 1);
    }

    public static async Task<IReadOnlyList<Month>> ForAsync(AppDbContext db, IQueryable<long> orgIds, IReadOnlyCollection<ActivityType> types,
        int year, DateOnly today, CancellationToken ct)
    {
        var start = Clock.ToUtc(new DateTime(year, 1, 1));
        var end = Clock.ToUtc(new DateTime(year + 1, 1, 1));
        // One row per held meeting that has attendees (a meeting without any adds nothing to either count).
        var held = await (from x in db.Attendees
                          join a in db.Activities on x.ActivityId equals a.Id
                          where orgIds.Contains(a.OrgId) && types.Contains(a.Type) && a.Status == ActivityStatus.Held && a.StartsAt >= start && a.StartsAt < end
                          group x by new { a.Id, a.StartsAt } into g
                          select new { g.Key.StartsAt, Expected = g.Count(), Present = g.Count(x => x.SignedInAt != null) }).ToListAsync(ct);
        var byMonth = held.GroupBy(a => Clock.ToLocal(a.StartsAt).Month)
            .ToDictionary(g => g.Key, g => (Expected: g.Sum(a => a.Expected), Present: g.Sum(a => a.Present)));
        var last = year < today.Year ? 12 : year == today.Year ? today.Month : 0;
        return Enumerable.Range(1, last)
            .Select(m => byMonth.TryGetValue(m, out var c) ? new Month(m, c.Expected, c.Present) : new Month(m, 0, 0)).ToList();
    }

    public static Chart Chart(string id, string title, IReadOnlyList<Month> months, int year, Func<int, string?> link, Func<int, string> label) =>
        new(id, title, ChartKind.Line, months.Select(m => label(m.Number)).ToList(),
            [new ChartSeries(title, months.Select(m => m.Rate).ToList(), months.Select(m => m.Expected == 0 ? null : link(m.Number)).ToList())], "%");
}
