using Microsoft.AspNetCore.Diagnostics;

namespace Tongxin.Web.Infrastructure.Faults;

/// <summary>
/// Unhandled exceptions in one place: the API answers ProblemDetails in Chinese (503 when the database is out, 400 for
/// over-long input, else 500); browser requests fall through to the app's own error page (/Error), which says the same.
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public const string DatabaseDown = "数据库暂时不可用，请稍后再试";
    public const string Failed = "系统处理请求时出现问题，请稍后重试";

    public static (int Status, string Title) Classify(Exception ex) => ex switch
    {
        _ when DatabaseOutage.Is(ex) => (StatusCodes.Status503ServiceUnavailable, DatabaseDown),
        TextTooLongException t => (StatusCodes.Status400BadRequest, t.Message),
        _ => (StatusCodes.Status500InternalServerError, Failed),
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception ex, CancellationToken ct)
    {
        var (status, title) = Classify(ex);
        if (status == StatusCodes.Status503ServiceUnavailable) log.LogWarning("Database unavailable: {Message}", ex.GetBaseException().Message);
        // The middleware may already point the request at the error page: look at the path the request came in on.
        var path = new PathString(ctx.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? ctx.Request.Path.Value);
        if (!path.StartsWithSegments("/api")) return false;
        ctx.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) ctx.Response.Headers.RetryAfter = "30";
        await Results.Problem(title: title, statusCode: status).ExecuteAsync(ctx);
        return true;
    }
}
