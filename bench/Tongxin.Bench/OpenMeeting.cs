using System.Security.Cryptography;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Bench;

/// <summary>A meeting open for sign-in now, with the given people expected: what the sign-in benches scan into.</summary>
public static class OpenMeeting
{
    public static async Task<(long Id, byte[] Secret)> CreateAsync(AppDbContext ctx, Organization org, string topic, IReadOnlyList<long> people)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var now = DateTime.UtcNow;
        var activity = new Activity
        {
            TenantId = org.TenantId, OrgId = org.Id, Type = ActivityType.GroupStudy, Topic = topic, Place = "会议室",
            StartsAt = now.AddMinutes(-5), EndsAt = now.AddHours(3), SignInSecret = secret, CreatedBy = "bench", CreatedAt = now,
        };
        ctx.Activities.Add(activity);
        await ctx.SaveChangesAsync();
        ctx.Attendees.AddRange(people.Select(p => new Attendee { ActivityId = activity.Id, PersonId = p, TenantId = org.TenantId }));
        await ctx.SaveChangesAsync();
        return (activity.Id, secret);
    }
}
