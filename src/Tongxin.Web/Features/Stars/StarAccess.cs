using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Stars;

public static class StarAccess
{
    /// <summary>Branches that take part in 争星: every kind of branch except temporary ones, which do not last a year.</summary>
    public static bool IsRated(OrgType type) => type.IsBranch() && type != OrgType.TemporaryBranch;

    /// <summary>The branch, if it is rated and the user holds <paramref name="permission"/> over it.</summary>
    public static async Task<Organization?> BranchAsync(AppDbContext db, long orgId, Scope scope, string permission, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        return org is not null && IsRated(org.Type) && scope.Can(permission, org.Path) ? org : null;
    }

    /// <summary>Pins the checklist a rating is made against: a tenant still on the defaults adopts them when its first rating is saved.</summary>
    public static async Task EnsureTemplateAsync(AppDbContext db, StarChecklist checklist, CancellationToken ct)
    {
        if (checklist.Adopted || await db.StarTemplates.AnyAsync(t => t.TenantId == checklist.TenantId && t.Year == checklist.Year, ct)) return;
        db.StarTemplates.Add(EditStarTemplate.Copy(checklist));
    }
}
