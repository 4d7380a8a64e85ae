using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.Account;

public class PasswordModel(ChangePassword.Handler change) : AppPage, IAccountSetupPage
{
    public sealed class InputModel
    {
        public string? Current { get; set; }
        public string? New { get; set; }
        public string? Repeat { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await change.Handle(Scope.UserId!, new(Input.Current, Input.New, Input.Repeat), ct);
        if (result.Ok)
        {
            TempData["Flash"] = L["密码已修改"].Value;
            return Redirect("/");
        }
        return Fail(result.Error!) ?? Page();
    }
}
