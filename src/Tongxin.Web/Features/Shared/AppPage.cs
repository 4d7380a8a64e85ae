using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Localization;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Shared;

/// <summary>Base page: loads the user's scope once and turns typed errors into responses or form errors.</summary>
public abstract class AppPage : PageModel
{
    public Scope Scope { get; private set; } = new(null, null, []);

    [TempData] public string? Flash { get; set; }

    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Scope = await HttpContext.RequestServices.GetRequiredService<AccessScope>().CurrentAsync(HttpContext.RequestAborted);
        await next();
    }

    /// <summary>404 and 403 become responses; validation errors go to the form, which is shown again.</summary>
    protected IActionResult? Fail(Error error)
    {
        switch (error.Kind)
        {
            case ErrorKind.NotFound: return NotFound();
            case ErrorKind.Forbidden: return Forbid();
            default:
                ModelState.AddModelError(error.Field is null ? "" : $"Input.{error.Field}", Localised(error));
                return null;
        }
    }

    /// <summary>Sends a one-sheet workbook of rows already in memory as a download.</summary>
    protected async Task<IActionResult> XlsxAsync(string sheetName, string downloadName, IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        var file = await Infrastructure.Excel.XlsxWriter.WriteAsync(sheetName, headers, rows, ct);
        await Infrastructure.Excel.XlsxWriter.FileResult(file, downloadName).ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>The error in the user's language; string values (item names) are looked up too, names of people pass through.</summary>
    protected string Localised(Error error) => error.Template is null ? L[error.Message].Value
        : L[error.Template, error.Args.Select(a => a is string s ? L[s].Value : a).ToArray()!].Value;

    /// <summary>After a form action: flash and redirect on success; otherwise 404/403, or the page again with the message.</summary>
    protected async Task<IActionResult> AfterActionAsync(Error? error, string done, object routeValues, Func<Task<IActionResult>> reshow)
    {
        if (error is null)
        {
            TempData["Flash"] = L[done].Value;
            return RedirectToPage(routeValues);
        }
        return Fail(error) ?? await reshow();
    }

    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);
}
