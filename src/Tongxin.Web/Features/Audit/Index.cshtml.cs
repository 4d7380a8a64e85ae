using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Audit;

/// <summary>审计日志: readable entries (Chinese names, field: before → after, local times), filtered, exported; reading is audited.</summary>
public class IndexModel(ListAuditLog.Handler log) : AppPage
{
    const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "entity")] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public VerifyAuditChain.Report? Verified { get; private set; }

    ListAuditLog.Filter Filter => new(From, To, Actor, Entity);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Audit.View)) return Forbid();
        if (From > To) ModelState.AddModelError("", L["起始日期不能晚于截止日期"]);
        await log.RecordAccessAsync(Scope, User.Identity!.Name!, "View", Filter, ct);
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync([FromServices] VerifyAuditChain.Handler verify, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Audit.View)) return Forbid();
        Verified = await verify.Handle(ct);
        await log.RecordAccessAsync(Scope, User.Identity!.Name!, "View", Filter, ct); // the page shows entries too
        await Load(ct);
        return Page();
    }

    /// <summary>The filtered log as a spreadsheet (up to <see cref="ListAuditLog.ExportLimit"/> entries, newest first).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Audit.View)) return Forbid();
        await log.RecordAccessAsync(Scope, User.Identity!.Name!, "Export", Filter, ct);
        var entries = await log.Query(Scope, Filter).Take(ListAuditLog.ExportLimit).ToListAsync(ct);
        string[] headers = [L["序号"], L["时间"], L["操作人"], L["操作"], L["对象"], L["记录编号"], L["变更内容"]];
        return await XlsxAsync("审计日志", $"审计日志-{Clock.Today:yyyy-MM-dd}.xlsx", headers, entries.Select(e => (IReadOnlyList<string?>)
            [e.Id.ToString(), Clock.ToLocal(e.At).ToString("yyyy-MM-dd HH:mm:ss"), e.UserName, L[AuditVocabulary.Action(e.Action)],
                L[AuditVocabulary.Type(e.EntityType)], e.EntityId, AuditChanges.AsText(AuditChanges.Of(e))]), ct);
    }

    async Task Load(CancellationToken ct)
    {
        var q = log.Query(Scope, Filter);
        Total = await q.CountAsync(ct);
        Entries = await q.Skip(Paging.Skip(PageNumber, PageSize)).Take(PageSize).ToListAsync(ct);
    }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string PageLink(int p) => Url.Page("Index", new { From, To, user = Actor, entity = Entity, p })!;
    public string ExportLink => Url.Page("Index", "Xlsx", new { From, To, user = Actor, entity = Entity })!;
}
