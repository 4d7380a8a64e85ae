using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Duty;

/// <summary>履职档案 of every member for the office: score, grade, the figures behind them; the scheme; the .xlsx list.</summary>
public class FilesModel(GetDutyFile.Handler get, SetDutyScheme.Handler set) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public SetDutyScheme.Command Scheme { get; set; } = new();

    public int ShownYear => Year ?? Clock.Today.Year;
    public GetDutyFile.View View { get; private set; } = null!;
    public bool CanSetScheme { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostSchemeAsync(CancellationToken ct)
    {
        if (Scope.TenantWith(Permissions.Proposals.Review) is not { } tenant) return Forbid();
        return await AfterActionAsync((await set.Handle(tenant, ShownYear, Scheme, Scope, ct)).Error, "评分办法已保存", new { year = ShownYear }, () => ShowAsync(ct));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (Scope.TenantWith(Permissions.Proposals.View) is not { } tenant) return Forbid();
        var view = await get.Handle(tenant, ShownYear, ct: ct);
        string[] headers = [L["姓名"], L["界别"], L["党派"], L["应参加活动"], L["出席"], L["提案"], L["立案"], L["社情民意"], L["联系记录"], L["履职得分"], L["等次"]];
        return await XlsxAsync($"{ShownYear}年度委员履职", $"委员履职-{ShownYear}.xlsx", headers, view.Files.Select(Line), ct);
    }

    IReadOnlyList<string?> Line(GetDutyFile.File f) =>
        [f.Name, f.Sector, f.Affiliation, f.Activities.Count.ToString(), f.Activities.Count(a => a.Attendance == "出席").ToString(),
            f.Proposals.Count.ToString(), f.Facts[DutyFact.RegisteredProposal].ToString(), f.Opinions.Count.ToString(), f.LiaisonContacts.ToString(),
            f.Score.ToString(), L[f.Grade.Name()]];

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Scope.TenantWith(Permissions.Proposals.View) is not { } tenant) return Forbid();
        View = await get.Handle(tenant, ShownYear, ct: ct);
        if (!ModelState.ContainsKey("Scheme.Base")) Scheme = SetDutyScheme.Command.From(View.Scheme);
        CanSetScheme = Scope.TenantWith(Permissions.Proposals.Review) is not null;
        return Page();
    }
}
