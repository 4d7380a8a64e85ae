using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Account;

/// <summary>
/// Signing in, for the login page and the API alike: failures are counted per client address (never locking the
/// account for everyone), an unknown user, a wrong password and a locked account get the same answer, and an account
/// with two-factor sign-in needs its TOTP code (or a recovery code).
/// </summary>
public static class SignInUser
{
    public const string Refused = "用户名或密码错误";
    public const string TooMany = "登录失败次数过多，请15分钟后再试";
    public const string WrongCode = "动态验证码错误";

    public sealed record Command(string UserName, string Password, string? Code, string ClientAddress);

    public enum Outcome { SignedIn, NeedsCode }

    public sealed class Handler(AppDbContext db, SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock)
    {
        /// <summary>Password first. Without a code, an account with two factors answers <see cref="Outcome.NeedsCode"/>
        /// (the page then asks for it, <see cref="CodeAsync"/>); with a code, both are checked at once (the API).</summary>
        public async Task<Result<Outcome>> Handle(Command c, CancellationToken ct = default)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var name = c.UserName.Trim();
            if (await SignInThrottle.BlockedAsync(db, name, c.ClientAddress, now, ct)) return Error.Conflict(TooMany);
            var user = await users.FindByNameAsync(name);
            if (user is null || await users.IsLockedOutAsync(user) || !await users.CheckPasswordAsync(user, c.Password))
            {
                await SignInThrottle.FailedAsync(db, name, c.ClientAddress, now, ct);
                return Error.Validation(Refused);
            }
            if (user.TwoFactorEnabled)
            {
                if (string.IsNullOrWhiteSpace(c.Code))
                {
                    // Identity keeps who passed the password in its two-factor cookie until the code comes.
                    var result = await signIn.PasswordSignInAsync(user, c.Password, isPersistent: false, lockoutOnFailure: false);
                    return result.RequiresTwoFactor ? Outcome.NeedsCode : Error.Validation(Refused);
                }
                if (!await CodeIsValidAsync(user, c.Code))
                {
                    await SignInThrottle.FailedAsync(db, name, c.ClientAddress, now, ct);
                    return Error.Validation(WrongCode, "Code");
                }
            }
            await SignInThrottle.SucceededAsync(db, name, c.ClientAddress, ct);
            await signIn.SignInAsync(user, isPersistent: false);
            return Outcome.SignedIn;
        }

        /// <summary>The second step on the login page: the code for the account that passed its password.</summary>
        public async Task<Result<Outcome>> CodeAsync(string? code, string clientAddress, CancellationToken ct = default)
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null) return Error.Validation("登录已超时，请重新输入用户名和密码");
            var now = clock.GetUtcNow().UtcDateTime;
            if (await SignInThrottle.BlockedAsync(db, user.UserName!, clientAddress, now, ct)) return Error.Conflict(TooMany);
            if (string.IsNullOrWhiteSpace(code) || !await CodeIsValidAsync(user, code))
            {
                await SignInThrottle.FailedAsync(db, user.UserName!, clientAddress, now, ct);
                return Error.Validation(WrongCode, "Code");
            }
            await signIn.SignOutAsync(); // drops the two-factor cookie
            await SignInThrottle.SucceededAsync(db, user.UserName!, clientAddress, ct);
            await signIn.SignInAsync(user, isPersistent: false);
            return Outcome.SignedIn;
        }

        /// <summary>A six-digit TOTP code, or one of the recovery codes (each works once).</summary>
        async Task<bool> CodeIsValidAsync(AppUser user, string code)
        {
            var c = code.Replace(" ", "").Replace("-", "").Trim();
            if (c.Length == 6 && c.All(char.IsAsciiDigit))
                return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, c);
            return (await users.RedeemTwoFactorRecoveryCodeAsync(user, code.Trim())).Succeeded;
        }
    }
}
