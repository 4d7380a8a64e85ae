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
        // Awards already made for these sign-ins, and absence deductions they now cancel: one query for both.
        var live = await PointLedger.LiveAsync(db, signIns.SelectMany(s => new[] { KeyOf(s.Attendee), DeductForAbsence.KeyOf(s.Attendee) }).ToList(), ct);
        foreach (var (attendee, _) in signIns.Where(s => live.Contains(DeductForAbsence.KeyOf(s.Attendee))))
            await PointLedger.ReverseAsync(db, DeductForAbsence.KeyOf(attendee), "已签到，撤销缺席扣分", System, utcNow, ct);

        foreach (var group in signIns.Where(s => members.Contains(s.Attendee.PersonId) && !live.Contains(KeyOf(s.Attendee)))
                     .GroupBy(s => (s.Activity.TenantId, Day(s.Activity).Year)))
        {
            var book = await PointRuleBook.LoadAsync(db, group.Key.TenantId, group.Key.Year, ct);
            var due = group.Select(s => (s.Attendee, s.Activity, Item: book.ForAttendance(s.Activity.Type, Day(s.Activity))))
                .Where(d => d.Item is not null).Select(d => (d.Attendee, d.Activity, Item: d.Item!, Period: PointLedger.CapPeriodOf(d.Item!, Day(d.Activity))))
                .ToList();
            // What each person already has from the same item in the same cap period: one query per item and period.
            var counted = new Dictionary<(long Person, string Code, Period Period), int>();
            foreach (var slot in due.GroupBy(d => (d.Item.Code, d.Period)))
            {
                var (code, period) = slot.Key;
                var people = slot.Select(d => d.Attendee.PersonId).Distinct().ToList();
                foreach (var (person, sum) in await PointLedger.SumsAsync(db, people, code, period, ct))
                    counted[(person, code, period)] = sum;
            }
            foreach (var (attendee, activity, item, period) in due)
            {
                var slot = (attendee.PersonId, item.Code, period);
                var (points, note) = PointRuleBook.ApplyCap(item, counted.GetValueOrDefault(slot));
                counted[slot] = counted.GetValueOrDefault(slot) + points;
                var day = Day(activity);
                db.PointEntries.Add(PointEntry.Under(item, activity.TenantId, attendee.PersonId, day, points, note, $"{item.Name}：{activity.Topic}",
                    KeyOf(attendee), activity.Id, System, null, utcNow));
            }
        }
    }

    static DateOnly Day(Activity a) => DateOnly.FromDateTime(Clock.ToLocal(a.StartsAt));
}
