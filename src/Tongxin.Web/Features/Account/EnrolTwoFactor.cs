using Microsoft.AspNetCore.Identity;
using QRCoder;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Account;

/// <summary>
/// Setting up two-factor sign-in (TOTP, RFC 6238, with Identity's authenticator tokens): the key is shown as a QR code
/// and as text for an authenticator app on the phone (no SMS, no call-out); the first valid code turns it on and
/// gives ten recovery codes, shown once.
/// </summary>
public static class EnrolTwoFactor
{
    public sealed record Setup(string Key, string QrSvg);

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        public async Task<Setup> KeyAsync(string userId)
        {
            var user = (await users.FindByIdAsync(userId))!;
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }
            var uri = $"otpauth://totp/{Uri.EscapeDataString("同心:" + user.UserName)}?secret={key}&issuer={Uri.EscapeDataString("同心")}&digits=6";
            using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            return new Setup(key!, new SvgQRCode(data).GetGraphic(5));
        }

        /// <summary>Turns it on with the first code; the recovery codes come back to be shown once.</summary>
        public async Task<Result<IReadOnlyList<string>>> EnableAsync(string userId, string? code)
        {
            var user = (await users.FindByIdAsync(userId))!;
            var c = (code ?? "").Replace(" ", "").Trim();
            if (c.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, c))
                return Error.Validation("动态验证码错误，请核对手机上的验证器和时间", "Code");
            await users.SetTwoFactorEnabledAsync(user, true);
            var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
            await signIn.RefreshSignInAsync(user);
            return recovery;
        }

        /// <summary>Turns it off, for those not required to have it; the key is replaced so an old phone no longer works.</summary>
        public async Task<Result<bool>> DisableAsync(string userId, bool required)
        {
            if (required) return Error.Forbidden("您的角色须使用双因素认证，不能关闭");
            var user = (await users.FindByIdAsync(userId))!;
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            return true;
        }
    }
}
