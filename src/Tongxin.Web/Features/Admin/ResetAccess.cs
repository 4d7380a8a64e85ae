using Microsoft.AspNetCore.Identity;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Admin;

/// <summary>Sets a new password and lifts a lockout; signs the user out everywhere (new security stamp).</summary>
public static class ResetAccess
{
    public sealed class Handler(AppDbContext db, UserManager<AppUser> users)
    {
        public async Task<Result<string>> Handle(string userId, string newPassword, Scope scope, CancellationToken ct = default)
        {
            if (!await UserAccess.CanManageAsync(db, scope, userId, ct)) return Error.NotFound();
            var user = await users.FindByIdAsync(userId);
            if (user is null) return Error.NotFound();
            foreach (var v in users.PasswordValidators)
            {
                var ok = await v.ValidateAsync(users, user, newPassword);
                if (!ok.Succeeded) return Error.Validation(string.Join("；", ok.Errors.Select(e => e.Description)), "Password");
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, newPassword);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await tx.CommitAsync(ct);
            return user.Id;
        }
    }
}
