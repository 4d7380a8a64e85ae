using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

public class ComplianceModel(GetCompliance.Handler compliance, AppDbContext db) : AppPage
{
    [BindProperty(SupportsGet = true)] public long? OrgId { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodCode { get; set; }
    public GetCompliance.Report Report { get; private set; } = null!;
    public List<(long Id, string Name, int Depth)> Orgs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.OrgLife.View)) return Forbid();
        var period = Period.Parse(PeriodCode) ?? Period.Of(RulePeriod.Quarter, Clock.Today);
        var report = await compliance.Handle(Scope, OrgId, period, Clock.Today, ct);
        if (report is null) return NotFound();
        Report = report;
        Orgs = await OrgChoices.ForAsync(db, Scope, Permissions.OrgLife.View, ct);
        return Page();
    }

    /// <summary>The attendance ledger of the period as .xlsx, streamed.</summary>
    public async Task<IActionResult> OnGetLedgerAsync([FromServices] ExportLedger.Handler ledger, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.OrgLife.View)) return Forbid();
        var period = Period.Parse(PeriodCode) ?? Period.Of(RulePeriod.Quarter, Clock.Today);
        if (OrgId is { } id && (await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct)) is var path
            && (path is null || !Scope.Can(Permissions.OrgLife.View, path))) return NotFound();
        var file = await Infrastructure.Excel.XlsxWriter.WriteAsync("参加情况台账", ExportLedger.Headers, ledger.RowsAsync(Scope, OrgId, period, ct), ct);
        await Infrastructure.Excel.XlsxWriter.FileResult(file, $"组织生活台账-{period.Code}.xlsx").ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    public static string Badge(Rag r) => r switch
    {
        Rag.Green => "text-bg-success", Rag.Amber => "text-bg-warning", Rag.Red => "text-bg-danger", _ => "text-bg-light",
    };

    public static string RagName(Rag r) => r switch { Rag.Green => "已落实", Rag.Amber => "进行中", Rag.Red => "未落实", _ => "不作要求" };
}
