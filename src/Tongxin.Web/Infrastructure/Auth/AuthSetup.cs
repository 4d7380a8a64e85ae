using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Infrastructure.Auth;

public static class AuthSetup
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddTongxinAuth(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddTokenProvider<AuthenticatorTokenProvider<AppUser>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<ThreeClassesPasswordValidator>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "tongxin.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized, "请先登录");
            // A page the user may not open answers 403 (shown by the error page), never a redirect.
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden, "无权访问", redirect: false);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<AccessScope>();
        services.AddSingleton<TwoFactorPolicy>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status, string title, bool redirect = true)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api"))
        {
            if (redirect) ctx.Response.Redirect(ctx.RedirectUri);
            else ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.StatusCode = status;
        return Results.Problem(title: title, statusCode: status).ExecuteAsync(ctx.HttpContext);
    }
}

/// <summary>At least 8 characters from at least three of: upper case, lower case, digits, symbols.</summary>
public sealed class ThreeClassesPasswordValidator : IPasswordValidator<AppUser>
{
    public static bool IsStrong(string password)
    {
        if (password.Length < 8) return false;
        var classes = new[] { password.Any(char.IsAsciiLetterUpper), password.Any(char.IsAsciiLetterLower),
            password.Any(char.IsAsciiDigit), password.Any(c => !char.IsAsciiLetterOrDigit(c)) };
        return classes.Count(x => x) >= 3;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsStrong(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordWeak",
                Description = "密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三类",
            }));
}

public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少{length}位" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败" };
}
