using Microsoft.AspNetCore.Identity;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Account;

/// <summary>Changing one's own password: the current one, then a new one under the policy; a one-time password ends here.</summary>
public static class ChangePassword
{
    public sealed record Command(string? Current, string? New, string? Repeat);

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        public async Task<Result<bool>> Handle(string userId, Command c, CancellationToken ct = default)
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null) return Error.NotFound();
            if (string.IsNullOrEmpty(c.Current)) return Error.Validation("请输入当前密码", "Current");
            if (string.IsNullOrEmpty(c.New)) return Error.Validation("请输入新密码", "New");
            if (c.New != c.Repeat) return Error.Validation("两次输入的新密码不一致", "Repeat");
            if (c.New == c.Current) return Error.Validation("新密码不能与当前密码相同", "New");
            var changed = await users.ChangePasswordAsync(user, c.Current, c.New);
            if (!changed.Succeeded)
                return changed.Errors.Any(e => e.Code == "PasswordMismatch") ? Error.Validation("当前密码不正确", "Current")
                    : Error.Validation(string.Join("；", changed.Errors.Select(e => e.Description)), "New");
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
            return true;
        }
    }
}
