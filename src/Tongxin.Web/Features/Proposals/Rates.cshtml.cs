using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>办理情况统计: the year's rates for the unit and per lead unit, each unit drilling down to its proposals.</summary>
public class RatesModel(GetProposalRates.Handler rates, ExportProposals.Handler export) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public GetProposalRates.View View { get; private set; } = null!;

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P0") : "—";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.TenantWith(Permissions.Proposals.View) is not { } tenant) return Forbid();
        View = await rates.Handle(tenant, Year ?? Clock.Today.Year, Clock.Today, ct);
        return Page();
    }

    /// <summary>提案办理台账 (.xlsx): one row per submitted proposal of the year.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (Scope.TenantWith(Permissions.Proposals.View) is not { } tenant) return Forbid();
        var year = Year ?? Clock.Today.Year;
        var rows = await export.Handle(tenant, year, ct);
        string[] headers = [L["案号"], L["标题"], L["领衔提案人"], L["联名提案人"], L["提交日期"], L["状态"], L["主办单位"], L["会办单位"], L["交办日期"],
            L["办理期限"], L["答复日期"], L["答复类别"], L["办理过程评价"], L["办理结果评价"], L["重点提案"], L["优秀提案"], L["领衔督办"], L["审查意见"]];
        return await XlsxAsync($"{year}年度提案办理台账", $"提案办理台账-{year}.xlsx", headers, rows.Select(Line), ct);
    }

    IReadOnlyList<string?> Line(ExportProposals.Row r) =>
        [r.Number, r.Title, r.Lead, string.Join("、", r.Cosigners), Clock.ShowDay(r.SubmittedAt), L[r.Status.Name()], r.LeadUnit, string.Join("、", r.CoUnits),
            Clock.ShowDay(r.AssignedOn), Clock.ShowDay(r.Deadline) + (r.Extended ? L["（已延期）"].Value : ""), Clock.ShowDay(r.RepliedOn),
            r.Outcome is { } o ? L[o.Name()].Value : null, r.Handling is { } h ? L[h.Name()].Value : null, r.Result is { } res ? L[res.Name()].Value : null,
            r.IsKey ? L["是"].Value : null, r.IsExcellent ? L["是"].Value : null, r.Overseer, r.ReviewNote];
}
