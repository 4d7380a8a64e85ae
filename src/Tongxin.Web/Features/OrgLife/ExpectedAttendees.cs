using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>Who is expected at an activity of a type held by an organisation (domain.md §3).</summary>
public static class ExpectedAttendees
{
    public static async Task<List<long>> ForAsync(AppDbContext db, Organization org, ActivityType type, CancellationToken ct = default)
    {
        var party = db.People.Where(p => p.PartyStatus != PartyStatus.None);
        return type.Info().Audience switch
        {
            // The branch's members and those who join its life as a second branch (双重组织生活).
            Audience.Branch => await party.Where(p => p.OrgId == org.Id || db.DualLives.Any(d => d.PersonId == p.Id && d.OrgId == org.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct),
            Audience.Committee => await db.CommitteeMembers.Where(c => c.OrgId == org.Id).OrderBy(c => c.PersonId)
                .Select(c => c.PersonId).ToListAsync(ct),
            Audience.Group => await party.Where(p => p.PartyGroupId == org.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct),
            Audience.AllMembers => await db.People.Where(p => p.TenantId == org.TenantId && p.IsCppccMember).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct),
            Audience.StandingMembers => await db.People.Where(p => p.TenantId == org.TenantId && p.IsCppccMember && p.IsStandingCommittee)
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct),
            _ => [],
        };
    }

    /// <summary>The organisation type that holds an activity type: a party group for 党小组会, otherwise a branch.</summary>
    public static bool Fits(OrgType orgType, ActivityType type) =>
        type.Info().Duty ? orgType == OrgType.MemberBody
        : type == ActivityType.GroupMeeting ? orgType == OrgType.PartyGroup : orgType.IsBranch();

    /// <summary>
    /// People added by hand beyond the derived list: party members within the planner's scope or, for a duty activity,
    /// CPPCC members of the unit. Null when all may be added, else the error naming the field.
    /// </summary>
    public static async Task<Tongxin.Web.Shared.Error?> CheckAddedAsync(AppDbContext db, Infrastructure.Auth.Scope scope, Organization org, ActivityType type,
        IReadOnlyCollection<long> added, CancellationToken ct)
    {
        if (added.Count == 0) return null;
        var allowed = type.Info().Duty
            ? await db.People.CountAsync(p => added.Contains(p.Id) && p.TenantId == org.TenantId && p.IsCppccMember, ct)
            : await scope.People(db, Infrastructure.Auth.Permissions.OrgLife.Plan).CountAsync(p => added.Contains(p.Id), ct);
        return allowed == added.Count ? null : Tongxin.Web.Shared.Error.Validation("参加人员不在您的管理范围内", "AttendeeIds");
    }
}
