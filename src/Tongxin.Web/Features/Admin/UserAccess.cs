using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Admin;

/// <summary>Which accounts a system administrator manages: those whose roles all lie inside their subtree.</summary>
public static class UserAccess
{
    public static async Task<bool> CanManageAsync(AppDbContext db, Scope scope, string userId, CancellationToken ct)
    {
        if (!scope.CanAnywhere(Permissions.Users.Manage)) return false;
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.TenantId }).FirstOrDefaultAsync(ct);
        if (user is null) return false;
        var paths = await (from r in db.RoleAssignments
                           join o in db.Organizations on r.OrgId equals o.Id
                           where r.UserId == userId
                           select new { r.Role, o.Path }).ToListAsync(ct);
        if (paths.Any(p => !Roles.Grantable.Contains(p.Role))) return false; // other administrators are off limits
        if (userId == scope.UserId) return false; // nobody manages their own account here
        if (paths.Count == 0) return scope.Grants.Any(g => g.TenantId == user.TenantId && Roles.Grants[g.Role].Contains(Permissions.Users.Manage));
        return paths.All(p => scope.Can(Permissions.Users.Manage, p.Path));
    }

    public static async Task<Organization?> ManagedOrgAsync(AppDbContext db, Scope scope, long orgId, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == orgId && o.ClosedAt == null, ct);
        return org is not null && scope.Can(Permissions.Users.Manage, org.Path) ? org : null;
    }
}
