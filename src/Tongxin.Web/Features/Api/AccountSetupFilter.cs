using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Web.Features.Api;

/// <summary>
/// The API answers nothing to an account that must first replace its one-time password or set up a second factor —
/// the same rule the pages apply (they send such an account to /Account/…); only signing in and out pass.
/// </summary>
public sealed class AccountSetupFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && !http.Request.Path.StartsWithSegments("/api/auth"))
        {
            var scope = await http.RequestServices.GetRequiredService<AccessScope>().CurrentAsync(http.RequestAborted);
            var policy = http.RequestServices.GetRequiredService<TwoFactorPolicy>();
            if (scope.MustChangePassword)
                return Results.Problem(title: "请先在网页上修改一次性密码", statusCode: StatusCodes.Status403Forbidden);
            if (!scope.TwoFactorEnabled && policy.IsRequired(scope.Grants.Select(g => g.Role)))
                return Results.Problem(title: "请先在网页上启用双因素认证", statusCode: StatusCodes.Status403Forbidden);
        }
        return await next(context);
    }
}
