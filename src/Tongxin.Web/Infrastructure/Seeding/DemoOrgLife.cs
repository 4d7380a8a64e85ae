using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Infrastructure.Seeding;

/// <summary>
/// A year of organisational life for the demo branches, so the compliance overview has something to show:
/// 第一党支部 keeps every required meeting; 第二党支部 missed its Q3 党员大会 and this quarter's is still owed.
/// </summary>
public static class DemoOrgLife
{
    public static async Task SeedAsync(AppDbContext db, DateOnly today)
    {
        var random = new Random(7);
        var branches = await db.Organizations.Where(o => o.Name == "第一党支部" || o.Name == "第二党支部").ToListAsync();
        foreach (var branch in branches)
        {
            var diligent = branch.Name == "第一党支部";
            for (var month = 1; month < today.Month; month++)
            {
                await Add(branch, ActivityType.ThemedPartyDay, new DateOnly(today.Year, month, 10), $"{month}月主题党日：学习贯彻党的创新理论");
                if (diligent || month % 2 == 0) await Add(branch, ActivityType.CommitteeMeeting, new DateOnly(today.Year, month, 5), $"{month}月支委会：研究部署本月党建工作");
                if (month % 3 == 0 && (diligent || month != 9))
                    await Add(branch, ActivityType.BranchMeeting, new DateOnly(today.Year, month, 20), $"第{month / 3}季度党员大会");
                if (month % 3 == 2) await Add(branch, ActivityType.PartyLecture, new DateOnly(today.Year, month, 25), $"第{month / 3 + 1}季度党课：以案促改 警钟长鸣");
            }
            if (diligent) await Add(branch, ActivityType.OrgLifeMeeting, new DateOnly(today.Year, 1, 28), "年度组织生活会");
        }
        await db.SaveChangesAsync();

        Task Add(Organization org, ActivityType type, DateOnly day, string topic) => HeldAsync(db, org, type, day, topic, random);
    }

    /// <summary>
    /// A meeting held on <paramref name="day"/> with its record, and the people expected (or <paramref name="chosen"/>)
    /// marked: about 85 % signed in, 10 % on granted leave, the rest absent. Returns the activity.
    /// </summary>
    public static async Task<Activity> HeldAsync(AppDbContext db, Organization org, ActivityType type, DateOnly day, string topic, Random random,
        IReadOnlyList<long>? chosen = null, string place = "机关三楼党员活动室")
    {
        var starts = Clock.ToUtc(day.ToDateTime(new TimeOnly(15, 0)));
        var activity = new Activity
        {
            TenantId = org.TenantId, OrgId = org.Id, Type = type, Topic = topic, Place = place,
            StartsAt = starts, EndsAt = starts.AddHours(2), Status = ActivityStatus.Held, QuorumMet = type.Info().Quorum ? true : null,
            Minutes = $"## {topic}\n\n会议由支部书记主持，传达学习有关文件精神，结合工作实际开展讨论。", RecordedAt = starts.AddHours(3),
            SignInSecret = RandomNumberGenerator.GetBytes(32), CreatedBy = "secretary", CreatedAt = starts.AddDays(-7),
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        foreach (var person in chosen ?? await ExpectedAttendees.ForAsync(db, org, type))
        {
            var roll = random.Next(100);
            db.Attendees.Add(new Attendee
            {
                ActivityId = activity.Id, PersonId = person, TenantId = org.TenantId,
                SignedInAt = roll < 85 ? starts.AddMinutes(random.Next(-20, 10)) : null, Method = roll < 85 ? SignInMethod.Qr : SignInMethod.None,
                Leave = roll is >= 85 and < 95 ? LeaveStatus.Granted : LeaveStatus.None, LeaveReason = roll is >= 85 and < 95 ? "因公出差" : null,
                LeaveDecidedBy = roll is >= 85 and < 95 ? "secretary" : null,
            });
        }
        return activity;
    }
}
