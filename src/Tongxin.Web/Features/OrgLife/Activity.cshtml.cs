using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

public class ActivityModel(GetActivity.Handler get) : AppPage
{
    public GetActivity.View View { get; private set; } = null!;
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty] public long PersonId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    /// <summary>The record as .docx (活动纪实), for those who may see the activity.</summary>
    public async Task<IActionResult> OnGetDocxAsync(long id, CancellationToken ct)
    {
        var view = await get.Handle(id, Scope, ct);
        if (view is null) return NotFound();
        return File(ExportRecord.Build(view), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"活动纪实-{Clock.ToLocal(view.Activity.StartsAt):yyyyMMdd}-{view.Activity.Id}.docx");
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, IFormFile? upload, [FromServices] Attachments.Handler files, CancellationToken ct)
    {
        if (upload is null) return await AfterAsync(id, Error.Validation("请选择要上传的文件"), "", ct);
        await using var stream = upload.OpenReadStream();
        return await AfterAsync(id, (await files.AddAsync(id, upload.FileName, stream, upload.Length, Scope, User.Identity!.Name!, ct)).Error, "已上传附件", ct);
    }

    public async Task<IActionResult> OnGetFileAsync(long id, long fileId, [FromServices] Attachments.Handler files, CancellationToken ct)
    {
        var file = await files.OpenAsync(fileId, Scope, get, ct);
        if (file is not { } f || f.Meta.ActivityId != id) return NotFound();
        return File(f.Content, f.Meta.ContentType, f.Meta.FileName);
    }

    async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var view = await get.Handle(id, Scope, ct);
        if (view is null) return NotFound();
        View = view;
        Minutes ??= view.Activity.Minutes;
        Decisions ??= view.Activity.Decisions;
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(long id, [FromServices] RecordActivity.Handler record, CancellationToken ct) =>
        await AfterAsync(id, (await record.Handle(id, Minutes, Decisions, Scope, DateTime.UtcNow, ct)).Error, "纪实已保存", ct);

    public async Task<IActionResult> OnPostConfirmAsync(long id, [FromServices] ConfirmHeld.Handler confirm, CancellationToken ct) =>
        await AfterAsync(id, (await confirm.Handle(id, Scope, DateTime.UtcNow, ct)).Error, "已确认召开", ct);

    public async Task<IActionResult> OnPostCancelAsync(long id, [FromServices] CancelActivity.Handler cancel, CancellationToken ct) =>
        await AfterAsync(id, (await cancel.Handle(id, Reason, Scope, DateTime.UtcNow, ct)).Error, "活动已取消", ct);

    public async Task<IActionResult> OnPostManualAsync(long id, [FromServices] SignIn.Handler signIn, CancellationToken ct) =>
        await AfterAsync(id, (await signIn.ManualAsync(id, PersonId, Reason, Scope, DateTime.UtcNow, ct)).Error, "已补签", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(long id, [FromServices] WithdrawSignIn.Handler withdraw, CancellationToken ct) =>
        await AfterAsync(id, (await withdraw.Handle(id, PersonId, Reason, Scope, User.Identity!.Name!, DateTime.UtcNow, ct)).Error, "已撤销签到", ct);

    public async Task<IActionResult> OnPostLeaveAsync(long id, long attendeeId, bool grant, [FromServices] Leave.Handler leave, CancellationToken ct) =>
        await AfterAsync(id, (await leave.DecideAsync(attendeeId, grant, Scope, User.Identity!.Name!, ct)).Error, grant ? "已准假" : "已不准假", ct);

    public async Task<IActionResult> OnPostAskLeaveAsync(long id, [FromServices] Leave.Handler leave, CancellationToken ct) =>
        await AfterAsync(id, (await leave.RequestAsync(id, Scope.PersonId, Reason, DateTime.UtcNow, ct)).Error, "请假申请已提交", ct);

    Task<IActionResult> AfterAsync(long id, Error? error, string done, CancellationToken ct) =>
        AfterActionAsync(error, done, new { id }, () => ShowAsync(id, ct));
}
