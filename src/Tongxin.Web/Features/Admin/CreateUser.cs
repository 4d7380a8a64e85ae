using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Admin;

public static class CreateUser
{
    public sealed class Command
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Password { get; set; } = "";
        public long? PersonId { get; set; }
        public string Role { get; set; } = Roles.BranchSecretary;
        public long OrgId { get; set; }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users)
    {
        public async Task<Result<string>> Handle(Command c, Scope scope, CancellationToken ct = default)
        {
            if (!scope.CanAnywhere(Permissions.Users.Manage)) return Error.Forbidden();
            if (string.IsNullOrWhiteSpace(c.UserName)) return Error.Validation("请填写用户名", nameof(c.UserName));
            if (string.IsNullOrWhiteSpace(c.DisplayName)) return Error.Validation("请填写姓名", nameof(c.DisplayName));
            if (!Roles.Grantable.Contains(c.Role)) return Error.Validation("不能在此授予该角色", nameof(c.Role));
            var org = await UserAccess.ManagedOrgAsync(db, scope, c.OrgId, ct);
            if (org is null) return Error.Validation("组织不存在或不在您的管理范围内", nameof(c.OrgId));
            var security = scope.CanAnywhere(Permissions.Security.Manage);
            if (Roles.IsSensitive(c.Role, org.Id, org.TenantId) && !security)
                return Error.Forbidden("可查看身份证号或覆盖全单位的角色须由安全管理员授予");
            if (c.PersonId is not null && !security) return Error.Forbidden("账号关联人员须由安全管理员办理");
            if (c.PersonId is { } pid)
            {
                var person = await db.People.FirstOrDefaultAsync(p => p.Id == pid, ct);
                if (person is null || person.TenantId != org.TenantId) return Error.Validation("关联人员不存在", nameof(c.PersonId));
                if (await db.Users.AnyAsync(u => u.PersonId == pid, ct)) return Error.Conflict("该人员已有账号");
            }
            if (c.Role == Roles.Member && c.PersonId is null) return Error.Validation("党员账号须关联本人记录", nameof(c.PersonId));

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The administrator knows the password typed here: its owner replaces it at the first sign-in.
            var user = new AppUser
            {
                UserName = c.UserName.Trim(), DisplayName = c.DisplayName.Trim(), TenantId = org.TenantId, PersonId = c.PersonId, LockoutEnabled = true,
                MustChangePassword = true,
            };
            IdentityResult created;
            try { created = await users.CreateAsync(user, c.Password); }
            catch (DbUpdateException) { return Error.Conflict("该人员已有账号"); }
            if (!created.Succeeded) return Error.Validation(string.Join("；", created.Errors.Select(e => e.Description)), nameof(c.Password));
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = c.Role, OrgId = org.Id, TenantId = org.TenantId });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return user.Id;
        }
    }
}
