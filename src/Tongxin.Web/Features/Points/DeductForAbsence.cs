using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// When an activity is recorded as held, each expected party member who neither signed in nor had leave granted loses
/// the absence item's points — in the same save as the record. Signing in later (补签) or leave granted later reverses it.
/// </summary>
public static class DeductForAbsence
{
    public static string KeyOf(Attendee a) => Key(a.Id);

    static string Key(long attendeeId) => $"absent:{attendeeId}";

    /// <summary>Adds the deductions for the held activity's absentees, as they stand in the database.</summary>
    public static async Task AddAsync(AppDbContext db, Activity activity, DateTime utcNow, CancellationToken ct = default)
    {
        if (activity.Type.Info().Duty) return; // absence from duty activities counts in the 履职 file, not in party points
        if (activity.Status != ActivityStatus.Held) return;
        var host = activity.HostPersonId ?? -1; // the host chaired the meeting: never counted absent
        var absent = await (from a in db.Attendees
                            join p in db.People on a.PersonId equals p.Id
                            where a.ActivityId == activity.Id && a.SignedInAt == null && a.Leave != LeaveStatus.Granted && p.PartyStatus != PartyStatus.None
                                && a.PersonId != host
                            select new Absentee(a.Id, a.PersonId)).ToListAsync(ct);
        await AddForAsync(db, activity, absent, utcNow, ct);
    }

    public sealed record Absentee(long Id, long PersonId);

    /// <summary>Adds the deductions for the given absentees (party members, no leave granted) of a held activity.</summary>
    public static async Task AddForAsync(AppDbContext db, Activity activity, IReadOnlyList<Absentee> absentees, DateTime utcNow, CancellationToken ct = default)
    {
        if (activity.Type.Info().Duty) return; // absence from duty activities counts in the 履职 file, not in party points
        var absent = absentees.ToList();
        var live = await PointLedger.LiveAsync(db, absent.Select(a => Key(a.Id)).ToList(), ct);
        absent = absent.Where(a => !live.Contains(Key(a.Id))).ToList();
        if (absent.Count == 0) return;

        var day = DateOnly.FromDateTime(Clock.ToLocal(activity.StartsAt));
        var book = await PointRuleBook.LoadAsync(db, activity.TenantId, day.Year, ct);
        var code = book.Items.FirstOrDefault(i => i.Trigger == PointTrigger.AbsentWithoutLeave)?.Code;
        if (code is null || book.ItemOn(code, day) is not { } item) return;
        var period = PointLedger.CapPeriodOf(item, day);
        var sums = await PointLedger.SumsAsync(db, absent.Select(a => a.PersonId).Distinct().ToList(), item.Code, period, ct);
        foreach (var a in absent)
        {
            var (points, note) = PointRuleBook.ApplyCap(item, sums.GetValueOrDefault(a.PersonId));
            sums[a.PersonId] = sums.GetValueOrDefault(a.PersonId) + points;
            db.PointEntries.Add(PointEntry.Under(item, activity.TenantId, a.PersonId, day, points, note, $"{item.Name}：{activity.Topic}",
                Key(a.Id), activity.Id, AwardForAttendance.System, null, utcNow));
        }
    }
}
