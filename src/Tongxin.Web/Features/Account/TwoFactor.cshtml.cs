using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Web.Features.Account;

public class TwoFactorModel(EnrolTwoFactor.Handler enrol, TwoFactorPolicy policy) : AppPage, IAccountSetupPage
{
    [BindProperty] public string? Code { get; set; }
    public EnrolTwoFactor.Setup? Setup { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public bool Required => policy.IsRequired(Scope.Grants.Select(g => g.Role));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Scope.TwoFactorEnabled) Setup = await enrol.KeyAsync(Scope.UserId!);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var result = await enrol.EnableAsync(Scope.UserId!, Code);
        if (!result.Ok)
        {
            ModelState.AddModelError("", Localised(result.Error!));
            Setup = await enrol.KeyAsync(Scope.UserId!);
            return Page();
        }
        RecoveryCodes = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync() =>
        await AfterActionAsync((await enrol.DisableAsync(Scope.UserId!, Required)).Error, "已关闭双因素认证", new { }, OnGetAsync);
}
