using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>The projector screen: a QR code that changes every 30 seconds, the live count and the names.</summary>
public class ScreenModel(GetActivity.Handler get) : AppPage
{
    public GetActivity.View View { get; private set; } = null!;
    public string QrSvg { get; private set; } = "";
    public string SignInUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetLiveAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Partial("_ScreenLive", this);

    async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var view = await get.Handle(id, Scope, ct);
        if (view is null) return NotFound();
        if (!view.CanManage) return Forbid();
        View = view;
        var token = SignInToken.Issue(id, view.Activity.SignInSecret, DateTimeOffset.UtcNow);
        // Behind a reverse proxy the host comes from the trusted forwarded headers, or from Tongxin:PublicBaseUrl.
        var publicBase = HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Tongxin:PublicBaseUrl"]?.TrimEnd('/');
        SignInUrl = $"{(string.IsNullOrEmpty(publicBase) ? $"{Request.Scheme}://{Request.Host}" : publicBase)}/s/{token}";
        using var data = QRCodeGenerator.GenerateQrCode(SignInUrl, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(8);
        return null;
    }
}
