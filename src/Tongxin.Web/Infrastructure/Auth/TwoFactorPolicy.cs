namespace Tongxin.Web.Infrastructure.Auth;

/// <summary>
/// Who must sign in with a second factor (TOTP): the system, security and audit administrators (三员). Everyone else
/// may turn it on. <c>Tongxin:Auth:RequireTwoFactor</c> turns the requirement off; when it is not set, a system that
/// seeds the demo organisation has it off (so the README's demo accounts sign in with a password) and says so at start.
/// </summary>
public sealed class TwoFactorPolicy(IConfiguration config)
{
    public static readonly string[] RequiredFor = [Roles.SystemAdmin, Roles.SecurityAdmin, Roles.Auditor];

    public bool Enforced { get; } = bool.TryParse(config["Tongxin:Auth:RequireTwoFactor"], out var set)
        ? set : config["Tongxin:Seed:Demo"] is "false" or "False";

    public bool IsRequired(IEnumerable<string> roles) => Enforced && roles.Any(RequiredFor.Contains);
}
