using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Localization;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Shared;

/// <summary>Pages a user reaches before their account is set up (changing a one-time password, enrolling a second factor).</summary>
public interface IAccountSetupPage;

/// <summary>Base page: loads the user's scope once and turns typed errors into responses or form errors.</summary>
public abstract class AppPage : PageModel
{
    public Scope Scope { get; private set; } = new(null, null, []);

    [TempData] public string? Flash { get; set; }

    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();

    public const string BadRequestMessage = "Tongxin.BadRequestMessage";
    public const int MinYear = 2000, MaxYear = 2100;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (OddYear(context) is { } year)
        {
            context.Result = BadRequest(L["年度“{0}”无效，应在 {1} 至 {2} 之间", year, MinYear, MaxYear].Value);
            return;
        }
        Scope = await HttpContext.RequestServices.GetRequiredService<AccessScope>().CurrentAsync(HttpContext.RequestAborted);
        // Account first: a one-time password is replaced, a required second factor set up, before anything else.
        if (this is not IAccountSetupPage && Scope.UserId is not null)
        {
            if (Scope.MustChangePassword) { context.Result = Redirect("/Account/Password"); return; }
            if (!Scope.TwoFactorEnabled && HttpContext.RequestServices.GetRequiredService<TwoFactorPolicy>().IsRequired(Scope.Grants.Select(g => g.Role)))
            {
                context.Result = Redirect("/Account/TwoFactor");
                return;
            }
        }
        await next();
    }

    /// <summary>Every page takes its year the same way (a "year" argument or a Year property): one range check for all.</summary>
    int? OddYear(PageHandlerExecutingContext context)
    {
        var years = context.HandlerArguments.Where(a => string.Equals(a.Key, "year", StringComparison.OrdinalIgnoreCase)).Select(a => a.Value as int?)
            .Append(GetType().GetProperty("Year") is { } bound && bound.IsDefined(typeof(BindPropertyAttribute), true) ? bound.GetValue(this) as int? : null);
        return years.FirstOrDefault(y => y is { } v && (v < MinYear || v > MaxYear));
    }

    /// <summary>400 with a message, shown by the error page.</summary>
    protected IActionResult BadRequest(string message)
    {
        HttpContext.Items[BadRequestMessage] = message;
        return StatusCode(StatusCodes.Status400BadRequest);
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

    /// <summary>
    /// The record version a form posted, or null when it is missing or did not bind (text, out of range): such a form
    /// is refused as stale by the handler, with its message, instead of a binding error about a hidden field.
    /// </summary>
    protected int? PostedVersion(string key, int? bound)
    {
        if (ModelState.GetValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid) return bound;
        ModelState.Remove(key);
        return null;
    }

    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);
}
