using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>我的评议: the member writes their self-assessment, casts one anonymous ballot, and later sees their own result.</summary>
public class MineModel(GetMyAppraisal.Handler mine, TakePart.Handler takePart) : AppPage
{
    public sealed class MarkForm
    {
        public long PersonId { get; set; }
        public AppraisalGrade? Grade { get; set; }
    }

    [BindProperty] public string? SelfAssessment { get; set; }
    [BindProperty] public List<MarkForm> Marks { get; set; } = [];

    public List<GetMyAppraisal.Mine> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostSelfAsync(long roundId, CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        return await AfterActionAsync((await takePart.SelfAssessAsync(roundId, me, SelfAssessment, DateTime.UtcNow, ct)).Error, "自我评价已保存", new { }, () => ShowAsync(ct));
    }

    public async Task<IActionResult> OnPostVoteAsync(long roundId, CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        var marks = Marks.GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.First().Grade);
        return await AfterActionAsync((await takePart.VoteAsync(roundId, me, marks, DateTime.UtcNow, ct)).Error, "投票已提交（无记名）", new { }, () => ShowAsync(ct));
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Scope.PersonId is not { } me) return Forbid();
        Rounds = await mine.Handle(me, ct);
        return Page();
    }

    public AppraisalGrade? Marked(long personId) => Marks.FirstOrDefault(m => m.PersonId == personId)?.Grade;
}
