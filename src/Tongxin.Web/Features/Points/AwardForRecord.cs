using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// Points for a record other than a sign-in (a registered proposal, an adopted 社情民意, an accepted essay…): the
/// tenant's item for the trigger, for each party member named, added to the record's own unit of work; once per
/// person and record (source key), caps applied now.
/// </summary>
public static class AwardForRecord
{
    public static string KeyOf(string record, long personId) => $"{record}:{personId}";

    public static async Task AddAsync(AppDbContext db, long tenantId, PointTrigger trigger, DateOnly day, IReadOnlyCollection<long> people,
        string record, string what, DateTime utcNow, CancellationToken ct = default)
    {
        var book = await PointRuleBook.LoadAsync(db, tenantId, day.Year, ct);
        var item = book.Items.Where(i => i.Trigger == trigger).Select(i => book.ItemOn(i.Code, day)).FirstOrDefault(i => i is not null);
        if (item is null || people.Count == 0) return;
        var members = await db.People.Where(p => people.Contains(p.Id) && p.PartyStatus != PartyStatus.None).Select(p => p.Id).ToListAsync(ct);
        var live = await PointLedger.LiveAsync(db, members.Select(m => KeyOf(record, m)).ToList(), ct);
        var sums = await PointLedger.SumsAsync(db, members, item.Code, PointLedger.CapPeriodOf(item, day), ct);
        foreach (var person in members.Where(m => !live.Contains(KeyOf(record, m))))
        {
            var (points, note) = PointRuleBook.ApplyCap(item, sums.GetValueOrDefault(person));
            db.PointEntries.Add(PointEntry.Under(item, tenantId, person, day, points, note, $"{item.Name}：{what}", KeyOf(record, person), null,
                AwardForAttendance.System, null, utcNow));
        }
    }
}
