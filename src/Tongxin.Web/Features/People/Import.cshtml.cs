using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Excel;

namespace Tongxin.Web.Features.People;

public class ImportModel(ImportRoster.Handler import, FileStore files) : AppPage
{
    public const string Area = "imports";
    /// <summary>A checked upload waits this long for its commit; older ones are swept (at start and with each new check).</summary>
    public static readonly TimeSpan UploadLifetime = TimeSpan.FromHours(1);
    static readonly string[] Extensions = [".xlsx", ".xls"];

    public ImportRoster.Checked? Check { get; private set; }
    [BindProperty] public string? Token { get; set; }

    public IActionResult OnGet() => Scope.CanAnywhere(Permissions.People.Import) ? Page() : Forbid();

    public async Task<IActionResult> OnGetTemplateAsync()
    {
        if (!Scope.CanAnywhere(Permissions.People.Import)) return Forbid();
        var file = await ExportRoster.TemplateAsync();
        await XlsxWriter.FileResult(file, "花名册导入模板.xlsx").ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>Checks every row and shows the result; nothing is written here.</summary>
    public async Task<IActionResult> OnPostCheckAsync(IFormFile? upload, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.People.Import)) return Forbid();
        var ext = Path.GetExtension(upload?.FileName ?? "").ToLowerInvariant();
        if (upload is null || upload.Length == 0) { ModelState.AddModelError("", "请选择要导入的Excel文件"); return Page(); }
        if (!Extensions.Contains(ext)) { ModelState.AddModelError("", "只能导入 .xlsx 或 .xls 文件"); return Page(); }
        files.Sweep(Area, UploadLifetime);
        await using (var s = upload.OpenReadStream())
            Token = await files.SaveAsync(Area, s, ext, ct);
        await using (var stored = files.Open(Area, Token)!)
            Check = await import.CheckAsync(stored, Scope, ct);
        if (!Check.Clean) { files.Delete(Area, Token); Token = null; }
        return Page();
    }

    /// <summary>Writes the checked file, all rows in one transaction.</summary>
    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.People.Import)) return Forbid();
        // Claimed, not opened: a double click or a second tab finds the file already taken and writes nothing.
        await using var stored = Token is null ? null : files.Claim(Area, Token);
        if (stored is null) { ModelState.AddModelError("", "导入文件已失效或已经导入，请刷新名册核对，需要时重新上传"); return Page(); }
        var result = await import.CommitAsync(stored, Scope, ct);
        await stored.DisposeAsync();
        if (!result.Ok) { ModelState.AddModelError("", result.Error!.Message); return Page(); }
        TempData["Flash"] = L["已导入 {0} 人", result.Value].Value;
        return RedirectToPage("Index");
    }
}
