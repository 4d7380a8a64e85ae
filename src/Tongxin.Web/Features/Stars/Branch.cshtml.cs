using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Stars;

/// <summary>One branch's 争星 checklist for a year: self-assessment, review, and the branch's history.</summary>
public class BranchModel(GetBranchRating.Handler get, SelfAssess.Handler assess, ReviewRating.Handler review) : AppPage
{
    public sealed class ItemForm
    {
        public string Code { get; set; } = "";
        public double? Score { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty] public List<ItemForm> Items { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public GetBranchRating.View View { get; private set; } = null!;

    public static string StarText(int? stars) => stars is { } n ? new string('★', n) + new string('☆', 5 - n) : "—";

    public async Task<IActionResult> OnGetAsync(long orgId, int? year, CancellationToken ct) => await ShowAsync(orgId, year, ct);

    public async Task<IActionResult> OnPostSaveAsync(long orgId, int year, bool submit, CancellationToken ct)
    {
        var input = Items.ToDictionary(i => i.Code, i => new SelfAssess.Input(i.Score, i.Text));
        var result = await assess.Handle(orgId, year, input, submit, Scope, User.Identity!.Name!, DateTime.UtcNow, Clock.Today, ct);
        return await AfterActionAsync(result.Error, submit ? "自评已提交，待机关党委评定" : "草稿已保存", new { orgId, year }, () => ShowAsync(orgId, year, ct));
    }

    public async Task<IActionResult> OnPostReviewAsync(long orgId, int year, long ratingId, bool approve, CancellationToken ct)
    {
        var input = Items.ToDictionary(i => i.Code, i => new ReviewRating.Input(i.Score, i.Text));
        var result = await review.Handle(ratingId, approve, input, Note, Scope, User.Identity!.Name!, DateTime.UtcNow, ct);
        return await AfterActionAsync(result.Error, approve ? "评定完成" : "已退回支部修改", new { orgId, year }, () => ShowAsync(orgId, year, ct));
    }

    async Task<IActionResult> ShowAsync(long orgId, int? year, CancellationToken ct)
    {
        var view = await get.Handle(orgId, year ?? StarYear.Default(Clock.Today), Scope, Clock.Today, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    /// <summary>The value to show in an input: what was just posted (when the form is shown again), else what is stored.</summary>
    public string? Posted(string code, Func<ItemForm, string?> field, string? stored) =>
        Items.FirstOrDefault(i => i.Code == code) is { } posted ? field(posted) : stored;
}

public static class StarYear
{
    /// <summary>Stars are rated in Q1 for the year before; later in the year the current year is shown.</summary>
    public static int Default(DateOnly today) => today.Month <= 3 ? today.Year - 1 : today.Year;
}
