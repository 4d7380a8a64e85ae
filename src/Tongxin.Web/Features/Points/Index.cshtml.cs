using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Excel;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

public class IndexModel(GetPointsOverview.Handler overview) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>Only this branch's members (a row of the distribution links here).</summary>
    [BindProperty(SupportsGet = true)] public string? Branch { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int MemberPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "bp")] public int BranchPage { get; set; } = 1;
    public GetPointsOverview.View View { get; private set; } = null!;
    public Paged<GetPointsOverview.Member> Members { get; private set; } = null!;
    public Paged<GetPointsOverview.Branch> Branches { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Points.View)) return Forbid();
        View = await overview.Handle(Scope, Year ?? Clock.Today.Year, ct);
        var members = string.IsNullOrEmpty(Branch) ? View.Members : View.Members.Where(m => m.OrgName == Branch).ToList();
        Members = Paged<GetPointsOverview.Member>.Of(members, MemberPage, 50);
        Branches = Paged<GetPointsOverview.Branch>.Of(View.Branches, BranchPage, 30);
        return Page();
    }

    public string Link(int? p = null, int? bp = null, string? branch = null) =>
        Url.Page("Index", new { year = View.Year, branch = branch ?? Branch, p = p ?? MemberPage, bp = bp ?? BranchPage })!;

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
