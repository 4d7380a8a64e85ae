using Microsoft.AspNetCore.Identity;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Infrastructure.Seeding;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Admin;

/// <summary>
/// Resets a password to a one-time password, shown once, that must be changed at the next sign-in; lifts a lockout and
/// signs the user out everywhere (new security stamp). A second factor the user set up stays: whoever reset the
/// password still cannot sign in as them. The account's change is audited with the rest.
/// </summary>
public static class ResetAccess
{
    public sealed class Handler(AppDbContext db, UserManager<AppUser> users)
    {
        public async Task<Result<string>> Handle(string userId, Scope scope, CancellationToken ct = default)
        {
            if (!await UserAccess.CanManageAsync(db, scope, userId, ct)) return Error.NotFound();
            var user = await users.FindByIdAsync(userId);
            if (user is null) return Error.NotFound();
            var oneTime = DemoSeeder.GeneratePassword();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, oneTime);
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await tx.CommitAsync(ct);
            return oneTime;
        }
    }
}
