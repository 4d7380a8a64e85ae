using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// A recorded sign-in earns the attendance item's points, added to the same unit of work as the sign-in so both are
/// saved, or neither. Party members only; each sign-in once (source key); caps applied now, and the entry says so.
/// </summary>
public static class AwardForAttendance
{
    public const string System = "system";

    public static string KeyOf(Attendee a) => $"signin:{a.Id}";

    public static async Task AddAsync(AppDbContext db, IReadOnlyList<(Attendee Attendee, Activity Activity)> signIns, DateTime utcNow, CancellationToken ct = default)
    {
        if (signIns.Count == 0) return;
        var personIds = signIns.Select(s => s.Attendee.PersonId).Distinct().ToList();
        var members = (await db.People.Where(p => personIds.Contains(p.Id) && p.PartyStatus != PartyStatus.None)
            .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var keys = signIns.Select(s => KeyOf(s.Attendee)).ToList();
        var awarded = (await db.PointEntries.Where(e => keys.Contains(e.SourceKey)).GroupBy(e => e.SourceKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Where(g => g.Count % 2 == 1).Select(g => g.Key).ToHashSet(); // an award not reversed

        foreach (var group in signIns.Where(s => members.Contains(s.Attendee.PersonId) && !awarded.Contains(KeyOf(s.Attendee)))
                     .GroupBy(s => (s.Activity.TenantId, Day(s.Activity).Year)))
        {
            var book = await PointRuleBook.LoadAsync(db, group.Key.TenantId, group.Key.Year, ct);
            var due = group.Select(s => (s.Attendee, s.Activity, Item: book.ForAttendance(s.Activity.Type, Day(s.Activity))))
                .Where(d => d.Item is not null).Select(d => (d.Attendee, d.Activity, Item: d.Item!, Period: CapPeriodOf(d.Item!, Day(d.Activity))))
                .ToList();
            // What each person already has from the same item in the same cap period: one query per item and period.
            var counted = new Dictionary<(long Person, string Code, Period Period), int>();
            foreach (var slot in due.GroupBy(d => (d.Item.Code, d.Period)))
            {
                var (code, period) = slot.Key;
                var people = slot.Select(d => d.Attendee.PersonId).Distinct().ToList();
                foreach (var sum in await db.PointEntries
                             .Where(e => people.Contains(e.PersonId) && e.RuleCode == code && e.On >= period.Start && e.On <= period.End)
                             .GroupBy(e => e.PersonId).Select(g => new { g.Key, Sum = g.Sum(e => e.Points) }).ToListAsync(ct))
                    counted[(sum.Key, code, period)] = sum.Sum;
            }
            foreach (var (attendee, activity, item, period) in due)
            {
                var slot = (attendee.PersonId, item.Code, period);
                var (points, note) = PointRuleBook.ApplyCap(item, counted.GetValueOrDefault(slot));
                counted[slot] = counted.GetValueOrDefault(slot) + points;
                var day = Day(activity);
                db.PointEntries.Add(new PointEntry
                {
                    TenantId = activity.TenantId, PersonId = attendee.PersonId, Year = day.Year, Category = item.Category,
                    Points = points, Reason = $"{item.Name}：{activity.Topic}", RuleItemId = item.Id == 0 ? null : item.Id,
                    RuleCode = item.Code, RuleVersion = item.Version, SourceKey = KeyOf(attendee), ActivityId = activity.Id,
                    CapNote = note, AwardedBy = System, On = day, At = utcNow,
                });
            }
        }
    }

    /// <summary>Reverses the live award of a sign-in, if any, by a new entry of the opposite points.</summary>
    public static async Task ReverseAsync(AppDbContext db, Attendee attendee, string reason, string userName, DateTime utcNow, CancellationToken ct = default)
    {
        var entries = await db.PointEntries.AsNoTracking().Where(e => e.SourceKey == KeyOf(attendee)).OrderBy(e => e.Id).ToListAsync(ct);
        if (entries.Count % 2 == 0) return; // nothing awarded, or already reversed
        var award = entries[^1];
        db.PointEntries.Add(new PointEntry
        {
            TenantId = award.TenantId, PersonId = award.PersonId, Year = award.Year, Category = award.Category, Points = -award.Points,
            Reason = reason, RuleItemId = award.RuleItemId, RuleCode = award.RuleCode, RuleVersion = award.RuleVersion,
            SourceKey = award.SourceKey, ActivityId = award.ActivityId, Reverses = award.Id, AwardedBy = userName, On = award.On, At = utcNow,
        });
    }

    /// <summary>The period a cap counts over; items without a cap are grouped by year, which is harmless.</summary>
    static Period CapPeriodOf(PointRuleItem item, DateOnly day) =>
        Period.Of(item.CapPeriod == RulePeriod.None ? RulePeriod.Year : item.CapPeriod, day);

    static DateOnly Day(Activity a) => DateOnly.FromDateTime(Clock.ToLocal(a.StartsAt));
}
