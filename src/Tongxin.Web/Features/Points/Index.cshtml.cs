using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Excel;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

public class IndexModel(GetPointsOverview.Handler overview) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public GetPointsOverview.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Points.View)) return Forbid();
        View = await overview.Handle(Scope, Year ?? Clock.Today.Year, ct);
        return Page();
    }

    /// <summary>Year-end summary: one row per member with each category and the total.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Points.View)) return Forbid();
        var view = await overview.Handle(Scope, Year ?? Clock.Today.Year, ct);
        var categories = Enum.GetValues<PointCategory>();
        string[] headers = ["姓名", "所在组织", .. categories.Select(c => c.Name()), "年度总分"];
        var file = await XlsxWriter.WriteAsync($"{view.Year}年度党员积分", headers, Rows(view, categories), ct);
        await XlsxWriter.FileResult(file, $"党员积分-{view.Year}.xlsx").ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(GetPointsOverview.View view, PointCategory[] categories)
    {
        foreach (var m in view.Members)
            yield return [m.Name, m.OrgName, .. categories.Select(c => m.ByCategory[c].ToString()), m.Total.ToString()];
        await Task.CompletedTask;
    }
}
