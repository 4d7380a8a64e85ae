using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongxin.Web.Infrastructure.Localization;

namespace Tongxin.Web.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInUser.Handler signIn, IStringLocalizer<UiText> L) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入用户名")] public string UserName { get; set; } = "";
        [Required(ErrorMessage = "请输入密码")] public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Code { get; set; }
    /// <summary>The password was right; the page now asks for the two-factor code.</summary>
    public bool AskCode { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.Handle(new SignInUser.Command(Input.UserName, Input.Password, null, ClientAddress), ct);
        return After(result);
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await signIn.CodeAsync(Code, ClientAddress, ct);
        if (!result.Ok) AskCode = result.Error!.Message == SignInUser.WrongCode;
        return After(result);
    }

    IActionResult After(Tongxin.Web.Shared.Result<SignInUser.Outcome> result)
    {
        if (result.Ok && result.Value == SignInUser.Outcome.SignedIn) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (result.Ok) { AskCode = true; return Page(); }
        ModelState.AddModelError("", L[result.Error!.Message].Value);
        return Page();
    }

    string ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
