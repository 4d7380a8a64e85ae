using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Admin;

/// <summary>Grants a role within a subtree to an account, or takes one away.</summary>
public static class ChangeRoles
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Grant(string userId, string role, long orgId, Scope scope, CancellationToken ct = default)
        {
            if (!await UserAccess.CanManageAsync(db, scope, userId, ct)) return Error.NotFound();
            if (!Roles.Grantable.Contains(role)) return Error.Validation("不能在此授予该角色");
            var org = await UserAccess.ManagedOrgAsync(db, scope, orgId, ct);
            if (org is null) return Error.Validation("组织不存在或不在您的管理范围内");
            if (userId == scope.UserId) return Error.Forbidden("不能给自己授予角色");
            if (Roles.IsSensitive(role, org.Id, org.TenantId) && !scope.CanAnywhere(Permissions.Security.Manage))
                return Error.Forbidden("可查看身份证号或覆盖全单位的角色须由安全管理员授予");
            if (await db.RoleAssignments.AnyAsync(r => r.UserId == userId && r.Role == role && r.OrgId == orgId, ct))
                return Error.Conflict("该账号已有此角色");
            var grant = new RoleAssignment { UserId = userId, Role = role, OrgId = orgId, TenantId = org.TenantId };
            db.RoleAssignments.Add(grant);
            await db.SaveChangesAsync(ct);
            return grant.Id;
        }

        public async Task<Result<long>> Revoke(string userId, long assignmentId, Scope scope, CancellationToken ct = default)
        {
            if (!await UserAccess.CanManageAsync(db, scope, userId, ct)) return Error.NotFound();
            var grant = await db.RoleAssignments.FirstOrDefaultAsync(r => r.Id == assignmentId && r.UserId == userId, ct);
            if (grant is null) return Error.NotFound();
            db.RoleAssignments.Remove(grant);
            await db.SaveChangesAsync(ct);
            return grant.Id;
        }
    }
}
